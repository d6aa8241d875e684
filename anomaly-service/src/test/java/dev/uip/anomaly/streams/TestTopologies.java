package dev.uip.anomaly.streams;

import org.apache.kafka.streams.Topology;

import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.EventStats;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * The anomaly topology over the test topics {@value #VALIDATED_TOPIC}, {@value #DEFINITIONS_TOPIC}, "quarantined",
 * "duplicates", "alert-rules", "alerts" and "stats", with plain Avro binary serdes and the production defaults of the trend settings.
 */
public final class TestTopologies {

    public static final String VALIDATED_TOPIC = "validated";
    public static final String DEFINITIONS_TOPIC = "defs";
    public static final AvroBinarySerde<ValidatedUsageEvent> VALIDATED = new AvroBinarySerde<>(
            ValidatedUsageEvent.class);
    public static final AvroBinarySerde<EventDefinitionState> DEFINITIONS = new AvroBinarySerde<>(
            EventDefinitionState.class);

    private TestTopologies() {
    }

    /** The topology, with its stores in memory when asked (for the test driver) or in RocksDB. */
    public static Topology anomaly(boolean inMemoryStores) {
        return trends(new TestTrendSettings(), inMemoryStores).build(VALIDATED_TOPIC, VALIDATED, DEFINITIONS_TOPIC);
    }

    static TrendTopology trends(TestTrendSettings settings, boolean inMemoryStores) {
        var rules = new AvroBinarySerde<>(AlertRuleState.class);
        TrendTopology trends = new TrendTopology(settings, new AvroBinarySerde<>(QuarantinedUsageEvent.class),
                new AvroBinarySerde<>(RawUsageEvent.class),
                new AvroBinarySerde<>(AnomalyAlert.class), new AvroBinarySerde<>(EventStats.class),
                bytes -> DEFINITIONS.deserializer().deserialize(DEFINITIONS_TOPIC, bytes),
                bytes -> rules.deserializer().deserialize("alert-rules", bytes));
        return inMemoryStores ? trends.withInMemoryStores() : trends;
    }
}
