package dev.uip.anomaly.streams;

import java.time.Clock;
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
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.schemas.serde.SpecificAvroSerde;
import dev.uip.schemas.streams.BoundedThreadReplacement;
import dev.uip.schemas.streams.DeadLetterCounts;

/** Wires the event-count topology, what happens when one of its threads dies, and its dead-letter metrics. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology eventCountTopology(CountSettings settings, TrendSettings trendSettings,
            @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        Map<String, Object> registry = Map.of("apicurio.registry.url", registryUrl);
        var serde = SpecificAvroSerde.of(ValidatedUsageEvent.class, registry);
        var definitions = new SpecificAvroDeserializer<>(EventDefinitionState.class);
        definitions.configure(registry, false);
        var rules = new SpecificAvroDeserializer<>(AlertRuleState.class);
        rules.configure(registry, false);
        Map<String, Object> writing = Map.of("apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", trendSettings.autoRegisterSchemas(),
                "apicurio.registry.find-latest", true);
        TrendTopology trends = new TrendTopology(trendSettings, SpecificAvroSerde.of(QuarantinedUsageEvent.class,
                registry), SpecificAvroSerde.of(AnomalyAlert.class, writing),
                bytes -> definitions.deserialize(settings.definitionsTopic(), bytes),
                bytes -> rules.deserialize(trendSettings.rulesTopic(), bytes));
        return new EventCountTopology(settings.validatedTopic(), serde, settings.windowSize(), settings.grace(),
                settings.retention()).withDefinitions(settings.definitionsTopic()).withTrends(trends).build();
    }

    /** Picked up by the Kafka Streams extension: a thread that died is replaced, within bounds. */
    @Produces
    @ApplicationScoped
    public StreamsUncaughtExceptionHandler threadReplacement(CountSettings settings) {
        return new BoundedThreadReplacement(settings.maxThreadReplacements(), settings.threadReplacementWindow(),
                Clock.systemUTC());
    }

    /** How many records the counting topology parked on the dead-letter topic, and failed to, per stage. */
    void registerDeadLetterMetrics(@Observes StartupEvent event, MeterRegistry registry) {
        DeadLetterCounts.register(registry);
    }
}
