package dev.uip.anomaly.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.uip.anomaly.config.CountSettings;
import dev.uip.anomaly.domain.KeyEventTrend;
import dev.uip.anomaly.domain.StoreNotReadyException;
import dev.uip.anomaly.domain.WindowCount;
import dev.uip.anomaly.streams.EventCountTopology;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/**
 * Reads window counts from this instance's count store (interactive queries). With one instance it holds every key;
 * routing queries to the instance that owns a key comes with scaling out.
 */
@ApplicationScoped
public class EventCounts {

    private static final Logger LOG = Logger.getLogger(EventCounts.class);

    private final KafkaStreams streams;
    private final SpecificAvroDeserializer<EventDefinitionState> definitionReader;
    private final String definitionsTopic;

    @Inject
    public EventCounts(KafkaStreams streams, CountSettings settings,
            @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        this(streams, settings.definitionsTopic(), registryUrl);
    }

    EventCounts(KafkaStreams streams, String definitionsTopic, String registryUrl) {
        this.streams = streams;
        this.definitionsTopic = definitionsTopic;
        this.definitionReader = new SpecificAvroDeserializer<>(EventDefinitionState.class);
        definitionReader.configure(Map.of("apicurio.registry.url", registryUrl), false);
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
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // IllegalStateException: the topology is not running (yet, or any more).
            throw new StoreNotReadyException("The count store is not queryable: " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * The workspace's active key events with their counts in the last {@code minutes} minutes, most critical first
     * (then by name); a key event that sent nothing is listed with no windows and a total of 0.
     */
    public List<KeyEventTrend> keyEvents(String workspaceId, int minutes) {
        List<EventDefinitionState> keyEvents = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = definitions().prefixScan(workspaceId + "/",
                new StringSerializer())) {
            all.forEachRemaining(entry -> {
                EventDefinitionState definition = decode(entry.key, entry.value);
                if (definition != null && definition.getKeyEvent()
                        && definition.getStatus() == DefinitionStatus.ACTIVE) {
                    keyEvents.add(definition);
                }
            });
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreNotReadyException("The definitions store is not queryable: " + e.getMessage(), e);
        }
        keyEvents.sort(Comparator.comparingInt((EventDefinitionState d) -> KeyEventTrend.rank(d.getCriticality()))
                .thenComparing(EventDefinitionState::getName));
        return keyEvents.stream().map(d -> KeyEventTrend.of(d, lastMinutes(workspaceId, d.getName(), minutes)))
                .toList();
    }

    /**
     * One definition of the global store, or null when it cannot be read: the store keeps the topic's bytes as they
     * are, so one unreadable record must cost its own entry only, not the workspace's whole answer.
     */
    private EventDefinitionState decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return definitionReader.deserialize(definitionsTopic, value);
        } catch (RuntimeException e) {
            LOG.warnf("Skipping the unreadable definition record %s: %s", key, e.toString());
            return null;
        }
    }

    private ReadOnlyKeyValueStore<String, byte[]> definitions() {
        return streams.store(StoreQueryParameters.fromNameAndType(EventCountTopology.DEFINITIONS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyWindowStore<String, Long> store() {
        return streams.store(
                StoreQueryParameters.fromNameAndType(EventCountTopology.STORE, QueryableStoreTypes.windowStore()));
    }
}
