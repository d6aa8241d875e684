package dev.uip.ingest.streams;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.apicurio.registry.serde.avro.AvroSerde;

import dev.uip.ingest.client.RegistrySchemaCatalog;
import dev.uip.ingest.config.StreamsSettings;
import dev.uip.ingest.service.EventValidator;

/** Wires the validation topology from configuration. */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    public Topology validationTopology(StreamsSettings settings,
            @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        EventValidator validator = new EventValidator(
                new RegistrySchemaCatalog(registryUrl, settings.schemaCacheTtl()), Clock.systemUTC());
        Map<String, Object> serdeConfig = Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", settings.autoRegisterSchemas(),
                "apicurio.registry.find-latest", true,
                "apicurio.registry.use-specific-avro-reader", true);
        return ValidationTopology.build(
                new ValidationTopology.Topics(settings.rawTopic(), settings.validatedTopic(),
                        settings.quarantinedTopic()),
                new ValidationTopology.Serdes3(serde(serdeConfig), serde(serdeConfig), serde(serdeConfig)),
                validator);
    }

    private static <T extends SpecificRecord> Serde<T> serde(Map<String, Object> config) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
