package dev.uip.anomaly.streams;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.uip.anomaly.config.CountSettings;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroSerde;

/** Wires the event-count topology from configuration. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology eventCountTopology(CountSettings settings,
            @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        var serde = SpecificAvroSerde.of(ValidatedUsageEvent.class, Map.of("apicurio.registry.url", registryUrl));
        return new EventCountTopology(settings.validatedTopic(), serde, settings.windowSize(), settings.grace(),
                settings.retention()).withDefinitions(settings.definitionsTopic()).build();
    }
}
