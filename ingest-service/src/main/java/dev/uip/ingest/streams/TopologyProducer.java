package dev.uip.ingest.streams;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.lookup.LookupUnlessProperty;

import dev.uip.ingest.client.DefinitionDirectory;
import dev.uip.ingest.client.RegistrySchemaCatalog;
import dev.uip.ingest.config.StreamsSettings;
import dev.uip.ingest.service.EventValidator;
import dev.uip.ingest.service.IngestMetrics;
import dev.uip.ingest.service.VirtualEvents;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroSerde;
import dev.uip.schemas.streams.BoundedThreadReplacement;

/** Wires the validation topology and what Kafka Streams does when one of its threads dies, from configuration. */
@ApplicationScoped
public class TopologyProducer {

    /** Absent in an edge-only process ({@code uip.ingest.role=edge}): Kafka Streams is then not started at all. */
    @Produces
    @LookupUnlessProperty(name = "uip.ingest.role", stringValue = "edge")
    public Topology validationTopology(StreamsSettings settings, DefinitionDirectory definitions,
            IngestMetrics metrics, @ConfigProperty(name = "uip.registry.url") String registryUrl) {
        EventValidator validator = new EventValidator(
                new RegistrySchemaCatalog(registryUrl,
                        new RegistrySchemaCatalog.CacheSettings(settings.schemaCacheTtl(),
                                settings.schemaMissTtl(), settings.schemaCacheSize())),
                definitions, Clock.systemUTC());
        Map<String, Object> serdeConfig = Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", settings.autoRegisterSchemas(),
                "apicurio.registry.find-latest", true);
        return ValidationTopology.build(
                new ValidationTopology.Topics(settings.rawTopic(), settings.validatedTopic(),
                        settings.quarantinedTopic(), settings.duplicatesTopic(),
                        settings.unplannedSamplesTopic()),
                new ValidationTopology.Serdes3(SpecificAvroSerde.of(RawUsageEvent.class, serdeConfig),
                        SpecificAvroSerde.of(ValidatedUsageEvent.class, serdeConfig),
                        SpecificAvroSerde.of(QuarantinedUsageEvent.class, serdeConfig)),
                validator, new ValidationTopology.Dedup(settings.dedup().enabled(), settings.dedup().window(), true,
                        raw -> metrics.duplicate(raw.getWorkspaceId()),
                        settings.dedup().filterMaxBytes().asLongValue()),
                new ValidationTopology.Hold(settings.registryHold().retryEvery(), settings.registryHold().maxHold(),
                        settings.registryHold().maxHeld()),
                new ValidationTopology.Releases(settings.release().topic(), settings.release().outcomesTopic(),
                        SpecificAvroSerde.of(QuarantineRelease.class, serdeConfig),
                        SpecificAvroSerde.of(QuarantineReleaseOutcome.class, serdeConfig),
                        settings.release().remember(),
                        (workspace, outcome) -> metrics.released(workspace, outcome.name())),
                new VirtualEvents(definitions.virtualRules(), settings.virtualEvents().maxRulesPerEvent(),
                        metrics.virtualEvents()));
    }

    /** Picked up by the Kafka Streams extension for the validation client. */
    @Produces
    @ApplicationScoped
    public StreamsUncaughtExceptionHandler threadReplacement(StreamsSettings settings) {
        return new BoundedThreadReplacement(settings.maxThreadReplacements(), settings.threadReplacementWindow(),
                Clock.systemUTC());
    }
}
