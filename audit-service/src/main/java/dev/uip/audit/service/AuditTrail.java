package dev.uip.audit.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

import dev.uip.audit.mapping.AuditEntryMapper;
import dev.uip.audit.repository.AuditEntryRepository;
import dev.uip.audit.rest.AuditEntryView;
import dev.uip.schemas.DefinitionChanged;

/** Records registry changes exactly once per change id and answers queries over them. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AuditEntryRepository repository;

    @Inject
    MeterRegistry metrics;

    /** Stores the change; emits false when it was already stored (a redelivery). */
    @WithTransaction
    public Uni<Boolean> record(DefinitionChanged change) {
        return repository.insertIfNew(AuditEntryMapper.toEntry(change))
                .invoke(stored -> metrics.counter("uip.audit.changes", "outcome", stored ? "recorded" : "duplicate")
                        .increment());
    }

    /** The newest entries of a workspace, newest first. */
    @WithSession
    public Uni<List<AuditEntryView>> newest(String workspaceId, int limit) {
        return repository.newest(workspaceId, limit)
                .map(entries -> entries.stream().map(AuditEntryMapper::toView).toList());
    }
}
