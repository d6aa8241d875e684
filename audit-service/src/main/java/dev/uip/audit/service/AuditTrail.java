package dev.uip.audit.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.uip.audit.domain.ChainHead;
import dev.uip.audit.mapping.AuditEntryMapper;
import dev.uip.audit.repository.ChainWriter;
import dev.uip.audit.repository.EntryReader;
import dev.uip.audit.rest.AuditEntryView;
import dev.uip.schemas.DefinitionChanged;

/** Records changes exactly once per change id, each as the next link of its workspace's hash chain. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ChainWriter writer;

    @Inject
    EntryReader reader;

    @Inject
    MeterRegistry metrics;

    /** Appends the change; emits the workspace's new chain head, or nothing when it was already stored. */
    public Uni<Optional<ChainHead>> record(DefinitionChanged change) {
        return writer.append(AuditEntryMapper.toContent(change))
                .invoke(head -> metrics.counter("uip.audit.changes", "outcome",
                        head.isPresent() ? "recorded" : "duplicate").increment());
    }

    /** The newest entries of a workspace, newest first. */
    public Uni<List<AuditEntryView>> newest(String workspaceId, int limit) {
        return reader.newest(workspaceId, limit)
                .map(entries -> entries.stream().map(AuditEntryMapper::toView).toList());
    }
}
