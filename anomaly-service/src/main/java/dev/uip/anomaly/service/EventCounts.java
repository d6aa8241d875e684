package dev.uip.anomaly.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.uip.anomaly.domain.StoreNotReadyException;
import dev.uip.anomaly.domain.WindowCount;
import dev.uip.anomaly.streams.EventCountTopology;

/**
 * Reads window counts from this instance's count store (interactive queries). With one instance it holds every key;
 * routing queries to the instance that owns a key comes with scaling out.
 */
@ApplicationScoped
public class EventCounts {

    private final KafkaStreams streams;

    @Inject
    public EventCounts(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The windows of one event that started in the last {@code minutes} minutes, oldest first. */
    public List<WindowCount> lastMinutes(String workspaceId, String event, int minutes) {
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofMinutes(minutes));
        List<WindowCount> counts = new ArrayList<>();
        try (WindowStoreIterator<Long> windows = store().fetch(EventCountTopology.key(workspaceId, event), from,
                to)) {
            windows.forEachRemaining(window -> counts.add(new WindowCount(Instant.ofEpochMilli(window.key),
                    window.value)));
        } catch (InvalidStateStoreException e) {
            throw new StoreNotReadyException("The count store is not queryable yet: " + e.getMessage(), e);
        }
        return counts;
    }

    private ReadOnlyWindowStore<String, Long> store() {
        return streams.store(
                StoreQueryParameters.fromNameAndType(EventCountTopology.STORE, QueryableStoreTypes.windowStore()));
    }
}
