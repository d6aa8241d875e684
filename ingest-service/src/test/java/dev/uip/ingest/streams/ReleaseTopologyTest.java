package dev.uip.ingest.streams;

import static dev.uip.ingest.streams.ValidationTopologyTest.avro;
import static dev.uip.ingest.streams.ValidationTopologyTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.uip.ingest.domain.DefinitionCatalog;
import dev.uip.ingest.domain.RegisteredSchema;
import dev.uip.ingest.domain.RegistryUnavailableException;
import dev.uip.ingest.domain.SchemaCatalog;
import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ReleaseResult;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.ValidatedUsageEvent;

/** Releases of quarantined events through the validation topology: fixed, still failing, twice, registry away. */
class ReleaseTopologyTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final Schema STRICT = new Schema.Parser().parse("""
            {"type":"record","name":"Invoice_Sent","fields":[{"name":"amount","type":"double"}]}""");
    static final Schema FIXED = new Schema.Parser().parse("""
            {"type":"record","name":"Invoice_Sent","fields":[{"name":"amount","type":"string"}]}""");

    /** The schema the registry answers with now (the "fix" swaps it), or null while the registry is away. */
    volatile RegisteredSchema current = schema(STRICT, 1);
    final List<String> answered = new ArrayList<>();

    TopologyTestDriver driver;
    TestInputTopic<String, RawUsageEvent> raw;
    TestInputTopic<String, QuarantineRelease> releases;
    TestOutputTopic<String, ValidatedUsageEvent> validated;
    TestOutputTopic<String, QuarantinedUsageEvent> quarantined;
    TestOutputTopic<String, QuarantineReleaseOutcome> outcomes;

    static RegisteredSchema schema(Schema schema, int version) {
        return new RegisteredSchema(schema, SchemaRef.newBuilder().setGroupId("ws1").setArtifactId("Invoice Sent")
                .setVersion(String.valueOf(version)).setGlobalId(40 + version).build());
    }

    @BeforeEach
    void start() {
        SchemaCatalog catalog = (workspace, name) -> {
            RegisteredSchema now = current;
            if (now == null) {
                throw new RegistryUnavailableException("connection refused", null);
            }
            return workspace.equals("ws1") && name.equals("Invoice Sent") ? Optional.of(now) : Optional.empty();
        };
        DefinitionCatalog definitions = new DefinitionCatalog() {

            @Override
            public Optional<EventDefinitionState> definition(String workspaceId, String eventName) {
                return Optional.empty();
            }

            @Override
            public UnplannedEventPolicy unplannedEvents(String workspaceId) {
                return UnplannedEventPolicy.QUARANTINE;
            }
        };
        var serdes = new ValidationTopology.Serdes3(avro(RawUsageEvent.getDecoder()::decode),
                avro(ValidatedUsageEvent.getDecoder()::decode), avro(QuarantinedUsageEvent.getDecoder()::decode));
        var releaseSerde = avro(QuarantineRelease.getDecoder()::decode);
        var outcomeSerde = avro(QuarantineReleaseOutcome.getDecoder()::decode);
        driver = new TopologyTestDriver(ValidationTopology.build(
                new ValidationTopology.Topics("raw", "validated", "quarantined", "duplicates",
                        "samples"),
                serdes,
                new EventValidator(catalog, definitions, Clock.fixed(NOW, ZoneOffset.UTC)),
                new ValidationTopology.Dedup(true, Duration.ofHours(24), false, duplicate -> {
                }),
                new ValidationTopology.Hold(Duration.ofSeconds(5), Duration.ofMinutes(10), 100),
                new ValidationTopology.Releases("releases", "release-outcomes", releaseSerde, outcomeSerde,
                        Duration.ofDays(30), (workspace, outcome) -> answered.add(workspace + ":" + outcome))),
                new Properties(), NOW);
        raw = driver.createInputTopic("raw", Serdes.String().serializer(), serdes.raw().serializer());
        releases = driver.createInputTopic("releases", Serdes.String().serializer(), releaseSerde.serializer());
        validated = driver.createOutputTopic("validated", Serdes.String().deserializer(),
                serdes.validated().deserializer());
        quarantined = driver.createOutputTopic("quarantined", Serdes.String().deserializer(),
                serdes.quarantined().deserializer());
        outcomes = driver.createOutputTopic("release-outcomes", Serdes.String().deserializer(),
                outcomeSerde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Sends the event with a string amount, which the strict schema quarantines, and returns it as quarantined. */
    QuarantinedUsageEvent quarantineOne() {
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": \"12.50\"}"));
        assertTrue(validated.isEmpty());
        return quarantined.readValue();
    }

    void release(String releaseId, QuarantinedUsageEvent event) {
        releases.pipeInput("ws1/" + event.getRaw().getMessageId(), QuarantineRelease.newBuilder()
                .setReleaseId(releaseId).setWorkspaceId("ws1").setMessageId(event.getRaw().getMessageId())
                .setRaw(event.getRaw()).setActor("user:ann").setRequestedAt(NOW).build());
    }

    @Test
    void aReleaseAfterTheFixIsValidatedOnceAndASecondReleaseWritesNothing() {
        QuarantinedUsageEvent held = quarantineOne();
        current = schema(FIXED, 2);

        release("r-1", held);
        ValidatedUsageEvent out = validated.readValue();
        assertEquals("m-1", out.getMessageId());
        assertEquals(List.of(ReleaseProcessor.RELEASED), out.getFlags());
        assertEquals("2", out.getSchemaRef().getVersion());
        QuarantineReleaseOutcome first = outcomes.readValue();
        assertEquals(ReleaseResult.RELEASED, first.getOutcome());
        assertEquals("r-1", first.getReleaseId());
        assertEquals("2", first.getSchemaRef().getVersion());

        release("r-2", held);
        assertTrue(validated.isEmpty(), "the second release is a no-op");
        assertEquals(ReleaseResult.ALREADY_RELEASED, outcomes.readValue().getOutcome());
        assertTrue(quarantined.isEmpty(), "a release never quarantines again");
        assertEquals(List.of("ws1:RELEASED", "ws1:ALREADY_RELEASED"), answered);
    }

    @Test
    void aReleaseBeforeTheFixStillFailsWithTheReasonAndDoesNotBlockALaterRelease() {
        QuarantinedUsageEvent held = quarantineOne();

        release("r-1", held);
        QuarantineReleaseOutcome failing = outcomes.readValue();
        assertEquals(ReleaseResult.STILL_FAILING, failing.getOutcome());
        assertEquals("SCHEMA_VIOLATION", failing.getReason());
        assertEquals("properties.amount", failing.getViolations().get(0).getPath());
        assertTrue(validated.isEmpty());
        assertTrue(quarantined.isEmpty(), "the quarantine store still holds it: nothing is quarantined twice");

        current = schema(FIXED, 2);
        release("r-2", held);
        assertEquals(ReleaseResult.RELEASED, outcomes.readValue().getOutcome());
        assertEquals(1, validated.readValuesToList().size());
    }

    @Test
    void aReleaseWhileTheRegistryIsAwayIsToRetryLaterAndWritesNothing() {
        QuarantinedUsageEvent held = quarantineOne();
        current = null;

        release("r-1", held);
        QuarantineReleaseOutcome answer = outcomes.readValue();
        assertEquals(ReleaseResult.RETRY_LATER, answer.getOutcome());
        assertEquals("REGISTRY_UNAVAILABLE", answer.getReason());
        assertTrue(validated.isEmpty());
        assertTrue(quarantined.isEmpty());

        current = schema(FIXED, 2);
        release("r-2", held);
        assertEquals(ReleaseResult.RELEASED, outcomes.readValue().getOutcome());
    }

    @Test
    void releasesOfTwoWorkspacesWithTheSameMessageIdAreIndependent() {
        QuarantinedUsageEvent mine = quarantineOne();
        current = schema(FIXED, 2);
        release("r-1", mine);
        RawUsageEvent theirs = RawUsageEvent.newBuilder(mine.getRaw()).setWorkspaceId("ws2").build();
        releases.pipeInput("ws2/m-1", QuarantineRelease.newBuilder().setReleaseId("r-9").setWorkspaceId("ws2")
                .setMessageId("m-1").setRaw(theirs).setActor("user:bob").setRequestedAt(NOW).build());
        Map<String, ReleaseResult> byWorkspace = new HashMap<>();
        outcomes.readValuesToList().forEach(o -> byWorkspace.put(o.getWorkspaceId(), o.getOutcome()));
        // ws2 has no definition of the event: it still fails there, and ws1's release did not mark it released
        assertEquals(Map.of("ws1", ReleaseResult.RELEASED, "ws2", ReleaseResult.STILL_FAILING), byWorkspace);
    }
}
