package dev.uip.definition.suggestion.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.uip.definition.config.SuggestionConfig;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.suggestion.domain.Intake;
import dev.uip.definition.suggestion.domain.UnplannedMinute;
import dev.uip.definition.suggestion.domain.UnplannedSample;
import dev.uip.definition.suggestion.repository.SampleStore;
import dev.uip.definition.suggestion.repository.TrackedEvents;
import dev.uip.definition.suggestion.repository.VolumeStore;
import dev.uip.schemas.EventStats;
import dev.uip.schemas.RawUsageEvent;

/**
 * Stores consumed samples and volumes of unplanned events, one transaction per workspace of a batch, and counts what
 * happened to each record in the metric {@code uip.suggestions.records} (kind sample or volume; outcome stored,
 * duplicate, not_tracked, or why it was left out).
 */
@ApplicationScoped
public class SuggestionIngest {

    private static final Logger LOG = Logger.getLogger(SuggestionIngest.class);

    @Inject
    WorkspaceScope scope;

    @Inject
    TrackedEvents tracked;

    @Inject
    SampleStore samples;

    @Inject
    VolumeStore volumes;

    @Inject
    SuggestionConfig config;

    @Inject
    MeterRegistry metrics;

    Clock clock = Clock.systemUTC();

    public Uni<Void> storeSamples(List<RawUsageEvent> records) {
        Intake.Result<UnplannedSample> intake = intake().samples(records, clock.instant());
        count("sample", intake.ignored());
        return perWorkspace(intake.kept(), UnplannedSample::workspaceId, UnplannedSample::event,
                s -> new TrackedEvents.Seen(s.receivedAt(), s.receivedAt(), 1), "sample",
                (connection, kept) -> samples.store(connection, kept.get(0).workspaceId(), kept,
                        config.samplesPerEvent()));
    }

    public Uni<Void> storeVolumes(List<EventStats> records) {
        Intake.Result<UnplannedMinute> intake = intake().minutes(records, clock.instant());
        count("volume", intake.ignored());
        return perWorkspace(intake.kept(), UnplannedMinute::workspaceId, UnplannedMinute::event,
                m -> new TrackedEvents.Seen(m.minute(), m.minute(), m.total()), "volume",
                (connection, kept) -> volumes.add(connection, kept));
    }

    /** Stores what a workspace's batch holds for the events it may track. */
    interface Writer<T> {

        Uni<Integer> write(SqlConnection connection, List<T> kept);
    }

    private <T> Uni<Void> perWorkspace(List<T> kept, Function<T, String> workspace, Function<T, String> event,
            Function<T, TrackedEvents.Seen> seen, String kind, Writer<T> writer) {
        Map<String, List<T>> byWorkspace = new LinkedHashMap<>();
        kept.forEach(item -> byWorkspace.computeIfAbsent(workspace.apply(item), ws -> new ArrayList<>()).add(item));
        return Multi.createFrom().iterable(byWorkspace.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> {
                    Map<String, TrackedEvents.Seen> events = new LinkedHashMap<>();
                    entry.getValue().forEach(item -> events.merge(event.apply(item), seen.apply(item),
                            TrackedEvents.Seen::merge));
                    return scope.sql(entry.getKey(), connection -> tracked
                            .admit(connection, entry.getKey(), events, config.maxEventsPerWorkspace())
                            .chain(admitted -> store(connection, entry.getKey(), entry.getValue(), event, admitted,
                                    kind, writer)));
                })
                .collect().last().replaceWithVoid();
    }

    private <T> Uni<Void> store(SqlConnection connection, String workspaceId,
            List<T> items, Function<T, String> event, Set<String> admitted, String kind, Writer<T> writer) {
        List<T> admittedItems = items.stream().filter(item -> admitted.contains(event.apply(item))).toList();
        int refused = items.size() - admittedItems.size();
        return tracked.countNotTracked(connection, workspaceId, refused)
                .chain(() -> admittedItems.isEmpty()
                        ? Uni.createFrom().item(0)
                        : writer.write(connection, admittedItems))
                .invoke(stored -> {
                    metrics.counter("uip.suggestions.records", "kind", kind, "outcome", "stored").increment(stored);
                    metrics.counter("uip.suggestions.records", "kind", kind, "outcome", "duplicate")
                            .increment(admittedItems.size() - stored);
                    if (refused > 0) {
                        metrics.counter("uip.suggestions.records", "kind", kind, "outcome", "not_tracked")
                                .increment(refused);
                        LOG.warnf("workspace %s tracks %d unplanned events (the cap): %d %s record(s) of new events"
                                + " not stored", workspaceId, config.maxEventsPerWorkspace(), refused, kind);
                    }
                }).replaceWithVoid();
    }

    private Intake intake() {
        return new Intake(config.maxSampleChars(), config.maxAge());
    }

    private void count(String kind, Map<String, Integer> ignored) {
        ignored.forEach((why, n) -> metrics.counter("uip.suggestions.records", "kind", kind, "outcome", why)
                .increment(n));
    }
}
