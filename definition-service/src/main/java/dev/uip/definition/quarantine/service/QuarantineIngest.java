package dev.uip.definition.quarantine.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.config.QuarantineConfig;
import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.definition.quarantine.repository.QuarantineStore;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.schemas.QuarantinedUsageEvent;

/**
 * Stores consumed quarantined events, one transaction per workspace of a batch, and counts what happened to each in
 * the metric {@code uip.quarantine.events} (outcome stored, duplicate or not_stored).
 */
@ApplicationScoped
public class QuarantineIngest {

    private static final Logger LOG = Logger.getLogger(QuarantineIngest.class);

    @Inject
    WorkspaceScope scope;

    @Inject
    QuarantineStore store;

    @Inject
    QuarantineConfig config;

    @Inject
    MeterRegistry metrics;

    public Uni<Void> store(List<QuarantinedUsageEvent> records) {
        Map<String, List<QuarantinedEvent>> byWorkspace = new LinkedHashMap<>();
        for (QuarantinedUsageEvent record : records) {
            QuarantinedEvent row = QuarantineRecords.row(record);
            byWorkspace.computeIfAbsent(row.workspaceId(), ws -> new java.util.ArrayList<>()).add(row);
        }
        return Multi.createFrom().iterable(byWorkspace.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> storeWorkspace(entry.getKey(), entry.getValue()))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> storeWorkspace(String workspaceId, List<QuarantinedEvent> rows) {
        return scope.sql(workspaceId, connection -> store.store(connection, workspaceId, rows,
                config.maxOpenRowsPerWorkspace())).invoke(stored -> {
                    metrics.counter("uip.quarantine.events", "outcome", "stored").increment(stored.inserted());
                    metrics.counter("uip.quarantine.events", "outcome", "duplicate").increment(stored.duplicates());
                    if (stored.notStored() > 0) {
                        metrics.counter("uip.quarantine.events", "outcome", "not_stored")
                                .increment(stored.notStored());
                        LOG.warnf("workspace %s has %d open quarantined events or more (the cap): %d not stored",
                                workspaceId, config.maxOpenRowsPerWorkspace(), stored.notStored());
                    }
                }).replaceWithVoid();
    }
}
