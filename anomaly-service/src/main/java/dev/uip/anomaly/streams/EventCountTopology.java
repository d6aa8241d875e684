package dev.uip.anomaly.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import dev.uip.schemas.ValidatedUsageEvent;

/**
 * Counts validated track events per {@code workspaceId + "/" + event} in tumbling event-time windows, into the
 * queryable window store {@value #STORE}. Calls other than track carry no event name and are skipped, not counted.
 */
public final class EventCountTopology {

    /** The window store interactive queries read. */
    public static final String STORE = "event-counts";
    /** The global store of every workspace's event definitions (key {@code <workspace>/<name>}, as counts). */
    public static final String DEFINITIONS_STORE = "event-definitions";

    static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);
    static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private final String topic;
    private final Serde<ValidatedUsageEvent> valueSerde;
    private final Duration windowSize;
    private final Duration grace;
    private final Duration retention;
    private String definitionsTopic;
    private TrendTopology trends;
    private boolean inMemoryStores;

    /** Windows of {@code windowSize} with one minute of grace, kept for a day. */
    public EventCountTopology(String topic, Serde<ValidatedUsageEvent> valueSerde, Duration windowSize) {
        this(topic, valueSerde, windowSize, DEFAULT_GRACE, DEFAULT_RETENTION);
    }

    public EventCountTopology(String topic, Serde<ValidatedUsageEvent> valueSerde, Duration windowSize,
            Duration grace, Duration retention) {
        if (retention.compareTo(windowSize.plus(grace)) < 0) {
            throw new IllegalArgumentException("retention must cover window size plus grace");
        }
        this.topic = topic;
        this.valueSerde = valueSerde;
        this.windowSize = windowSize;
        this.grace = grace;
        this.retention = retention;
    }

    /**
     * Also keeps the registry's definitions (the compacted topic {@code topic}, EventDefinitionState records) in the
     * global store {@value #DEFINITIONS_STORE}: every instance holds all of them, to know which events are key events
     * and whose. The store keeps each record's bytes as they are on the topic (a global store is restored from its
     * topic byte for byte, so it must hold the topic's encoding); readers decode them through the registry.
     */
    public EventCountTopology withDefinitions(String topic) {
        this.definitionsTopic = topic;
        return this;
    }

    /** Also counts every call type into trends and judges them ({@link TrendTopology}); needs the definitions. */
    public EventCountTopology withTrends(TrendTopology trends) {
        this.trends = trends;
        return this;
    }

    /** Keeps every store in memory instead of RocksDB: for topology tests, where the driver flushes after each record. */
    EventCountTopology withInMemoryStores() {
        this.inMemoryStores = true;
        return this;
    }

    /** The store key of one event of one workspace. */
    public static String key(String workspaceId, String event) {
        return workspaceId + "/" + event;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ValidatedUsageEvent> validated = builder.stream(topic, Consumed.with(Serdes.String(),
                valueSerde).withTimestampExtractor(new EventTimeExtractor()).withName("validated-events"));
        validated
                // Only track calls name an event; identify, page and the others have none to count.
                .filter((key, event) -> event != null && event.getEvent() != null, Named.as("track-only"))
                // Re-key by workspace and event; the value shrinks to the message id so the repartition topic
                // carries plain strings and needs no registry schema of its own.
                .map((key, event) -> KeyValue.pair(key(event.getWorkspaceId(), event.getEvent()),
                        event.getMessageId()), Named.as("by-workspace-event"))
                .groupByKey(Grouped.with("by-workspace-event", Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(windowSize, grace))
                .count(Named.as("count"), (inMemoryStores
                        ? Materialized.<String, Long>as(Stores.inMemoryWindowStore(STORE, retention, windowSize,
                                false))
                        : Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STORE).withRetention(retention))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        if (definitionsTopic != null) {
            builder.globalTable(definitionsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray())
                    .withName("event-definitions"),
                    Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(
                            DEFINITIONS_STORE).withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        }
        if (trends != null) {
            if (definitionsTopic == null) {
                throw new IllegalStateException("trends need the definitions topic");
            }
            trends.addTo(builder, validated, inMemoryStores);
        }
        return builder.build();
    }
}
