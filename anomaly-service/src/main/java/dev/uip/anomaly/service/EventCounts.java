package dev.uip.anomaly.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.uip.anomaly.domain.KeyEventTrend;
import dev.uip.anomaly.domain.StoreNotReadyException;
import dev.uip.anomaly.domain.WindowCount;
import dev.uip.anomaly.streams.DefinitionLookup;
import dev.uip.anomaly.streams.TrendStores;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;

/**
 * Answers per-window counts of track events from this instance's trend buckets (interactive queries): the windows
 * are the minute buckets of the event's TRACK series, counting the events that passed validation. With one instance
 * it holds every key; routing queries to the instance that owns a key comes with scaling out.
 */
@ApplicationScoped
public class EventCounts {

    private final KafkaStreams streams;
    private final DefinitionLookup.Decoder decoder;

    @Inject
    public EventCounts(KafkaStreams streams, DefinitionLookup.Decoder decoder) {
        this.streams = streams;
        this.decoder = decoder;
    }

    /** The windows of one event that started in the last {@code minutes} minutes, oldest first. */
    public List<WindowCount> lastMinutes(String workspaceId, String event, int minutes) {
        Instant to = Instant.now();
        try {
            ReadOnlyWindowStore<String, byte[]> buckets = streams.store(StoreQueryParameters.fromNameAndType(
                    TrendStores.BUCKETS, QueryableStoreTypes.windowStore()));
            return windows(buckets, workspaceId, event, to.minus(Duration.ofMinutes(minutes)), to);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // IllegalStateException: the topology is not running (yet, or any more).
            throw new StoreNotReadyException("The count store is not queryable: " + e.getMessage(), e);
        }
    }

    /**
     * The buckets of one track event that started in [from, to] with at least one validated event, oldest first
     * (a bucket of quarantined events only is no window: the counts were always of validated events).
     */
    public static List<WindowCount> windows(ReadOnlyWindowStore<String, byte[]> buckets, String workspaceId,
            String event, Instant from, Instant to) {
        List<WindowCount> counts = new ArrayList<>();
        try (WindowStoreIterator<byte[]> found = buckets.fetch(new SeriesId(workspaceId, MessageType.TRACK, event)
                .storeKey(), from, to)) {
            found.forEachRemaining(bucket -> {
                long count = Bucket.decode(bucket.value).count();
                if (count > 0) {
                    counts.add(new WindowCount(Instant.ofEpochMilli(bucket.key), count));
                }
            });
        }
        return counts;
    }

    /**
     * The workspace's active key events with their counts in the last {@code minutes} minutes, most critical first
     * (then by name); a key event that sent nothing is listed with no windows and a total of 0. An unreadable
     * definition record costs its own entry only.
     */
    public List<KeyEventTrend> keyEvents(String workspaceId, int minutes) {
        List<EventDefinitionState> keyEvents;
        try {
            keyEvents = DefinitionLookup.of(streams, decoder).all(workspaceId).stream()
                    .filter(DefinitionLookup::activeKeyEvent)
                    .sorted(Comparator.comparingInt((EventDefinitionState d) -> KeyEventTrend.rank(d
                            .getCriticality())).thenComparing(EventDefinitionState::getName))
                    .toList();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreNotReadyException("The definitions store is not queryable: " + e.getMessage(), e);
        }
        return keyEvents.stream().map(d -> KeyEventTrend.of(d, lastMinutes(workspaceId, d.getName(), minutes)))
                .toList();
    }
}
