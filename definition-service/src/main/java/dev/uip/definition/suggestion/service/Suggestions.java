package dev.uip.definition.suggestion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.uip.definition.config.SuggestionConfig;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.suggestion.domain.SampleInference;
import dev.uip.definition.suggestion.domain.Suggestion;
import dev.uip.definition.suggestion.domain.SuggestionNotFoundException;
import dev.uip.definition.suggestion.domain.UnplannedEvent;
import dev.uip.definition.suggestion.domain.UnplannedSample;
import dev.uip.definition.suggestion.repository.SuggestionQueries;

/** Lists a workspace's suggestions by volume and reads one, each with the proposal inferred from its samples. */
@ApplicationScoped
public class Suggestions {

    /** Newest samples shown with one suggestion. */
    static final int RECENT = 5;

    /** One page, the number of all suggestions, and the records not stored because of the cap on events. */
    public record Page(List<Suggestion> items, long total, long notTracked) {
    }

    @Inject
    WorkspaceScope scope;

    @Inject
    SuggestionQueries queries;

    @Inject
    SuggestionConfig config;

    @Inject
    Outbox outbox;

    Clock clock = Clock.systemUTC();

    public Uni<Page> page(String workspaceId, boolean dismissed, int page, int size) {
        Instant now = clock.instant();
        return scope.sql(workspaceId, connection -> queries
                .page(connection, workspaceId, now, config.maxAge(), dismissed, page, size)
                .chain(events -> Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(event -> offloaded(connection, workspaceId, event,
                                now, 0))
                        .collect().asList())
                .chain(items -> queries.count(connection, workspaceId, dismissed)
                        .chain(total -> queries.notTracked(connection, workspaceId)
                                .map(notTracked -> new Page(items, total, notTracked)))));
    }

    public Uni<Suggestion> one(String workspaceId, String event) {
        Instant now = clock.instant();
        return scope.sql(workspaceId, connection -> queries.one(connection, workspaceId, event, now, config.maxAge())
                .chain(found -> {
                    if (found == null) {
                        return Uni.createFrom().failure(notFound(event));
                    }
                    return offloaded(connection, workspaceId, found, now, RECENT);
                }));
    }

    /** Hides a tracked event from the list, or shows it again. */
    /** Hides (or shows again) a suggestion; the change is recorded with its actor, as every change is. */
    public Uni<Void> dismiss(String workspaceId, String actor, String event, boolean dismissed) {
        Instant now = clock.instant();
        return scope.sql(workspaceId, connection -> queries.dismiss(connection, workspaceId, event, dismissed)
                .call(found -> {
                    if (!found) {
                        return Uni.createFrom().failure(new SuggestionNotFoundException("no unplanned event '" + event
                                + "' is tracked"));
                    }
                    return outbox.change(connection, StateRecords.change(workspaceId, actor, dismissed
                            ? "SUGGESTION_DISMISSED"
                            : "SUGGESTION_RESTORED", "SUGGESTION", event, state(event, !dismissed),
                            state(event, dismissed), 1, now));
                }))
                .invoke(outbox::committed).replaceWithVoid();
    }

    private static String state(String event, boolean dismissed) {
        return "{\"event\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(event) + ",\"dismissed\":"
                + dismissed + "}";
    }

    // Inference parses up to samples-per-event payloads: on a worker thread, not the event loop that serves the pool.
    private Uni<Suggestion> offloaded(SqlConnection connection, String workspaceId, UnplannedEvent event, Instant now,
            int recent) {
        return samples(connection, workspaceId, event, now).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(samples -> SampleInference.suggest(event, samples, recent));
    }

    private Uni<List<UnplannedSample>> samples(SqlConnection connection, String workspaceId, UnplannedEvent event,
            Instant now) {
        return queries.samples(connection, workspaceId, event.event(), now, config.maxAge(), config.samplesPerEvent(),
                config.maxSampleChars());
    }

    /** The suggestion of a found event, read within the caller's transaction and inferred on its thread. */
    public Uni<Suggestion> suggest(SqlConnection connection, String workspaceId, UnplannedEvent event, Instant now,
            int recent) {
        return samples(connection, workspaceId, event, now).map(samples -> SampleInference.suggest(event, samples,
                recent));
    }

    static SuggestionNotFoundException notFound(String event) {
        return new SuggestionNotFoundException("no suggestion for '" + event + "': no unplanned traffic of it was"
                + " seen recently, or it has a definition");
    }
}
