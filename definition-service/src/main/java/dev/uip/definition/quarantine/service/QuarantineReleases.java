package dev.uip.definition.quarantine.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.config.QuarantineConfig;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.quarantine.domain.OperationResult;
import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantineNotFoundException;
import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.definition.quarantine.domain.ReleaseProgress;
import dev.uip.definition.quarantine.messaging.ReleaseRelay;
import dev.uip.definition.quarantine.repository.QuarantineOperations;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.schemas.QuarantineReleaseOutcome;

/**
 * Releases and discards quarantined events: each operation moves the matching QUARANTINED rows and writes one change
 * event (entity QUARANTINE) through the outbox in the same transaction; the release relay then publishes the
 * releases, and their outcomes move the rows on.
 */
@ApplicationScoped
public class QuarantineReleases {

    /** The actor of releases made because a definition with autoRelease published a new version. */
    public static final String AUTO_RELEASE = "auto-release";

    @Inject
    WorkspaceScope scope;

    @Inject
    QuarantineOperations operations;

    @Inject
    Outbox outbox;

    @Inject
    ReleaseRelay relay;

    @Inject
    QuarantineConfig config;

    @Inject
    MeterRegistry metrics;

    public Uni<OperationResult> release(String workspaceId, String actor, QuarantineFilter filter) {
        return operate(workspaceId, actor, filter, QuarantineStatus.RELEASING, null).invoke(result -> {
            if (result.count() > 0) {
                relay.wakeUp();
            }
        });
    }

    public Uni<OperationResult> discard(String workspaceId, String actor, QuarantineFilter filter, String reason) {
        return operate(workspaceId, actor, filter, QuarantineStatus.DISCARDED, reason);
    }

    /** Releases what a definition's new version may fix: its events quarantined for SCHEMA_VIOLATION. */
    public Uni<OperationResult> autoRelease(String workspaceId, String event) {
        return release(workspaceId, AUTO_RELEASE, new QuarantineFilter(event, "SCHEMA_VIOLATION", null, null, null,
                QuarantineStatus.QUARANTINED, null));
    }

    public Uni<ReleaseProgress> progress(String workspaceId, String releaseId) {
        return scope.sql(workspaceId, connection -> operations.operation(connection, workspaceId, releaseId)
                .chain(operation -> {
                    if (operation == null || !operation.kind().equals("RELEASE")) {
                        throw new QuarantineNotFoundException("no release '" + releaseId + "' in workspace "
                                + workspaceId);
                    }
                    return operations.progress(connection, workspaceId, releaseId).map(counts -> {
                        long pending = counts.getOrDefault("RELEASING/", 0L);
                        long released = counts.getOrDefault("RELEASED/RELEASED", 0L)
                                + counts.getOrDefault("RELEASED/ALREADY_RELEASED", 0L);
                        long failing = counts.getOrDefault("QUARANTINED/STILL_FAILING", 0L);
                        long retry = counts.getOrDefault("QUARANTINED/RETRY_LATER", 0L);
                        long superseded = Math.max(0, operation.rowCount() - pending - released - failing - retry);
                        return new ReleaseProgress(releaseId, operation.actor(), operation.createdAt(),
                                operation.rowCount(), pending, released, failing, retry, superseded);
                    });
                }));
    }

    /** Applies outcomes of the validation topology, one transaction per workspace. */
    public Uni<Void> apply(List<QuarantineReleaseOutcome> outcomes) {
        Map<String, List<QuarantineReleaseOutcome>> byWorkspace = new LinkedHashMap<>();
        outcomes.forEach(outcome -> byWorkspace.computeIfAbsent(outcome.getWorkspaceId(),
                ws -> new java.util.ArrayList<>()).add(outcome));
        return Multi.createFrom().iterable(byWorkspace.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> scope.sql(entry.getKey(), connection -> Multi
                        .createFrom().iterable(entry.getValue())
                        .onItem().transformToUniAndConcatenate(outcome -> operations.outcome(connection,
                                entry.getKey(), outcome.getMessageId(), outcome.getReleaseId(),
                                outcome.getOutcome().name(), outcome.getReason(), outcome.getViolations())
                                .invoke(changed -> metrics.counter("uip.quarantine.release.outcomes", "outcome",
                                        outcome.getOutcome().name(), "applied", String.valueOf(changed))
                                        .increment()))
                        .collect().last()))
                .collect().last().replaceWithVoid();
    }

    private Uni<OperationResult> operate(String workspaceId, String actor, QuarantineFilter filter,
            QuarantineStatus to, String reason) {
        boolean release = to == QuarantineStatus.RELEASING;
        String id = (release ? "rel_" : "dis_") + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        String filterJson = OperationJson.filter(filter);
        return scope.sql(workspaceId, connection -> operations.move(connection, workspaceId, filter, to, id, actor,
                reason, config.maxRowsPerOperation()).chain(count -> {
                    if (count == 0) {
                        return Uni.createFrom().item(new OperationResult(null, 0));
                    }
                    String kind = release ? "RELEASE" : "DISCARD";
                    return operations.record(connection, new QuarantineOperations.Operation(id, workspaceId, kind,
                            actor, reason, filterJson, count, now))
                            .chain(() -> outbox.change(connection, StateRecords.change(workspaceId, actor,
                                    release ? "RELEASED" : "DISCARDED", "QUARANTINE", id, null,
                                    OperationJson.after(kind, filterJson, count, reason, actor), 1, now)))
                            .replaceWith(new OperationResult(id, count));
                })).invoke(result -> {
                    if (result.count() > 0) {
                        outbox.committed();
                    }
                });
    }
}
