package dev.uip.ingest.streams;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.uip.ingest.client.DefinitionDirectory;
import dev.uip.ingest.client.RegistrySchemaCatalog;
import dev.uip.ingest.config.StreamsSettings;
import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroSerde;

/** Wires the validation topology from configuration. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology validationTopology(StreamsSettings settings, DefinitionDirectory definitions,
            @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        EventValidator validator = new EventValidator(
                new RegistrySchemaCatalog(registryUrl, settings.schemaCacheTtl()), definitions, Clock.systemUTC());
        Map<String, Object> serdeConfig = Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", settings.autoRegisterSchemas(),
                "apicurio.registry.find-latest", true);
        return ValidationTopology.build(
                new ValidationTopology.Topics(settings.rawTopic(), settings.validatedTopic(),
                        settings.quarantinedTopic()),
                new ValidationTopology.Serdes3(SpecificAvroSerde.of(RawUsageEvent.class, serdeConfig),
                        SpecificAvroSerde.of(ValidatedUsageEvent.class, serdeConfig),
                        SpecificAvroSerde.of(QuarantinedUsageEvent.class, serdeConfig)),
                validator);
    }
}
