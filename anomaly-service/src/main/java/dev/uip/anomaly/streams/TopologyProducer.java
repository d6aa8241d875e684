package dev.uip.anomaly.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.uip.anomaly.config.CountSettings;
import dev.uip.anomaly.config.TrendSettings;
import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.EventStats;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.schemas.serde.SpecificAvroSerde;
import dev.uip.schemas.streams.BoundedThreadReplacement;
import dev.uip.schemas.streams.DeadLetterCounts;

/**
 * Wires the anomaly topology and the definition decoder it shares with the queries, what happens when one of its
 * threads dies, and its dead-letter metrics.
 */
@ApplicationScoped
public class TopologyProducer {

    /**
     * The anomaly topology ({@link TrendTopology}); refuses a count span ({@code uip.anomaly.retention}) longer than
     * the minute buckets it reads are kept.
     */
    @Produces
    public Topology anomalyTopology(CountSettings settings, TrendSettings trendSettings,
            DefinitionLookup.Decoder definitions, @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        requireCountSpanKept(settings.retention(), trendSettings.bucketRetention());
        Map<String, Object> registry = Map.of("apicurio.registry.url", registryUrl);
        var rules = new SpecificAvroDeserializer<>(AlertRuleState.class);
        rules.configure(registry, false);
        Map<String, Object> writing = Map.of("apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", trendSettings.autoRegisterSchemas(),
                "apicurio.registry.find-latest", true);
        return new TrendTopology(trendSettings, SpecificAvroSerde.of(QuarantinedUsageEvent.class, registry),
                SpecificAvroSerde.of(RawUsageEvent.class, registry),
                SpecificAvroSerde.of(AnomalyAlert.class, writing), SpecificAvroSerde.of(EventStats.class, writing),
                definitions,
                bytes -> rules.deserialize(trendSettings.rulesTopic(), bytes))
                .build(settings.validatedTopic(), SpecificAvroSerde.of(ValidatedUsageEvent.class, registry),
                        settings.definitionsTopic());
    }

    static void requireCountSpanKept(Duration countSpan, Duration bucketRetention) {
        if (countSpan.compareTo(bucketRetention) > 0) {
            throw new IllegalArgumentException("uip.anomaly.retention (" + countSpan + ", the longest span of "
                    + "/v1/counts) must not exceed uip.anomaly.trends.bucket-retention (" + bucketRetention + ")");
        }
    }

    /** Reads the definitions topic's registry-encoded values: the one decoder of the topology and the queries. */
    @Produces
    @ApplicationScoped
    public DefinitionLookup.Decoder definitionDecoder(CountSettings settings,
            @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        var reader = new SpecificAvroDeserializer<>(EventDefinitionState.class);
        reader.configure(Map.of("apicurio.registry.url", registryUrl), false);
        return bytes -> reader.deserialize(settings.definitionsTopic(), bytes);
    }

    /** Picked up by the Kafka Streams extension: a thread that died is replaced, within bounds. */
    @Produces
    @ApplicationScoped
    public StreamsUncaughtExceptionHandler threadReplacement(CountSettings settings) {
        return new BoundedThreadReplacement(settings.maxThreadReplacements(), settings.threadReplacementWindow(),
                Clock.systemUTC());
    }

    /** How many records the topology parked on the dead-letter topic, and failed to, per stage. */
    void registerDeadLetterMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        DeadLetterCounts.register(registry);
    }
}
