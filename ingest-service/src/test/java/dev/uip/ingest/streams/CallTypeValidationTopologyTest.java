package dev.uip.ingest.streams;

import static dev.uip.ingest.streams.ValidationTopologyTest.NOW;
import static dev.uip.ingest.streams.ValidationTopologyTest.avro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
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
import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * Page, screen and identify calls against their definitions: validated like track events when a published
 * definition names them, passing flagged as unplanned when none does, whatever the workspace's policy for track
 * events.
 */
class CallTypeValidationTopologyTest {

    static final Schema PLAN = new Schema.Parser().parse("""
            {"type":"record","name":"Pricing","fields":[{"name":"plan","type":"string","uip.allowedValues":
            ["free","pro"]}]}""");
    static final Schema TRAITS = new Schema.Parser().parse("""
            {"type":"record","name":"identify","fields":[{"name":"email","type":"string"},
            {"name":"age","type":["null","long"],"default":null}]}""");
    static final SchemaRef PAGE_REF = ref("ws1.page", "Pricing", 7);
    static final SchemaRef SCREEN_REF = ref("ws1.screen", "Settings", 8);
    static final SchemaRef TRAITS_REF = ref("ws1.identify", "identify", 9);
    static final SchemaRef TRACK_REF = ref("ws1", "Pricing", 10);

    /** Whether the registry answers; each test starts with it up. */
    volatile boolean registryUp = true;
    /** Every registry lookup, as group/artifact. */
    final List<String> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, EventDefinitionState> definitions = new HashMap<>();

    final SchemaCatalog catalog = new SchemaCatalog() {

        @Override
        public Optional<RegisteredSchema> latest(String group, String name) {
            lookups.add(group + "/" + name);
            if (!registryUp) {
                throw new RegistryUnavailableException("connection refused", null);
            }
            return Optional.ofNullable(switch (group + "/" + name) {
                case "ws1.page/Pricing" -> new RegisteredSchema(PLAN, PAGE_REF);
                case "ws1.screen/Settings" -> new RegisteredSchema(PLAN, SCREEN_REF);
                case "ws1.identify/identify" -> new RegisteredSchema(TRAITS, TRAITS_REF);
                case "ws1/Pricing" -> new RegisteredSchema(TRAITS, TRACK_REF);
                default -> null;
            });
        }
    };

    final DefinitionCatalog definitionCatalog = new DefinitionCatalog() {

        @Override
        public Optional<EventDefinitionState> definition(String workspaceId, String eventName) {
            return definition(workspaceId, DefinitionCallType.TRACK, eventName);
        }

        @Override
        public Optional<EventDefinitionState> definition(String workspaceId, DefinitionCallType type, String name) {
            return Optional.ofNullable(definitions.get(workspaceId + "/" + type + "/" + name));
        }

        @Override
        public UnplannedEventPolicy unplannedEvents(String workspaceId) {
            // strict everywhere: it must keep applying to track events only
            return UnplannedEventPolicy.QUARANTINE;
        }
    };

    TopologyTestDriver driver;
    TestInputTopic<String, RawUsageEvent> raw;
    TestOutputTopic<String, ValidatedUsageEvent> validated;
    TestOutputTopic<String, QuarantinedUsageEvent> quarantined;
    TestOutputTopic<String, RawUsageEvent> samples;
    int messages;

    @BeforeEach
    void start() {
        var topics = new ValidationTopology.Topics("raw", "validated", "quarantined", "duplicates", "samples");
        var serdes = new ValidationTopology.Serdes3(avro(RawUsageEvent.getDecoder()::decode),
                avro(ValidatedUsageEvent.getDecoder()::decode), avro(QuarantinedUsageEvent.getDecoder()::decode));
        var validator = new EventValidator(catalog, definitionCatalog, Clock.fixed(NOW, ZoneOffset.UTC));
        driver = new TopologyTestDriver(ValidationTopology.build(topics, serdes, validator,
                new ValidationTopology.Dedup(false, Duration.ofHours(24), false, r -> {
                }),
                new ValidationTopology.Hold(Duration.ofSeconds(5), Duration.ofMinutes(10), 100),
                new ValidationTopology.Releases("releases", "release-outcomes",
                        avro(QuarantineRelease.getDecoder()::decode),
                        avro(QuarantineReleaseOutcome.getDecoder()::decode), Duration.ofDays(30), (w, o) -> {
                        })),
                new Properties(), NOW);
        raw = driver.createInputTopic("raw", Serdes.String().serializer(), serdes.raw().serializer());
        validated = driver.createOutputTopic("validated", Serdes.String().deserializer(),
                serdes.validated().deserializer());
        quarantined = driver.createOutputTopic("quarantined", Serdes.String().deserializer(),
                serdes.quarantined().deserializer());
        samples = driver.createOutputTopic("samples", Serdes.String().deserializer(),
                avro(RawUsageEvent.getDecoder()::decode).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aPageThatFitsItsDefinitionIsValidatedWithTypedProperties() throws IOException {
        define(DefinitionCallType.PAGE, "Pricing", DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE, PAGE_REF);
        raw.pipeInput("ws1/u1", page("{\"name\":\"Pricing\",\"properties\":{\"plan\":\"pro\",\"path\":\"/p\"}}"));
        ValidatedUsageEvent out = validated.readValue();
        assertEquals(PAGE_REF, out.getSchemaRef());
        assertEquals("Pricing", out.getName());
        assertTrue(out.getFlags().isEmpty());
        assertEquals("pro", read(PLAN, out).get("plan").toString());
        assertTrue(quarantined.isEmpty());
    }

    @Test
    void aPageThatViolatesItsDefinitionIsQuarantinedWithPaths() {
        define(DefinitionCallType.PAGE, "Pricing", DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE, PAGE_REF);
        // the name may also come as properties.name, as Segment's page call allows; the standard page properties
        // that SDKs add (name, url, path, ...) need no definition, any other undefined one is a violation
        raw.pipeInput("ws1/u1", page("{\"properties\":{\"name\":\"Pricing\",\"url\":\"https://x/p\","
                + "\"plan\":\"gold\",\"coupon\":\"X\"}}"));
        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.SCHEMA_VIOLATION, out.getReason());
        assertEquals(PAGE_REF, out.getSchemaRef());
        assertEquals(List.of("properties.plan", "properties.coupon"),
                out.getViolations().stream().map(v -> v.getPath().toString()).toList());
        assertEquals(List.of("NOT_ALLOWED", "UNPLANNED_PROPERTY"),
                out.getViolations().stream().map(v -> v.getCode().toString()).toList());
        assertTrue(validated.isEmpty());
    }

    @Test
    void warnModeAcceptsAnInvalidPageWithItsViolations() {
        define(DefinitionCallType.PAGE, "Pricing", DefinitionStatus.ACTIVE, EnforcementMode.WARN, PAGE_REF);
        raw.pipeInput("ws1/u1", page("{\"name\":\"Pricing\",\"properties\":{\"plan\":1,\"url\":\"/p\"}}"));
        ValidatedUsageEvent out = validated.readValue();
        assertEquals(List.of(EventValidator.SCHEMA_VIOLATION), out.getFlags());
        assertEquals(List.of("properties.plan"), out.getViolations().stream().map(v -> v.getPath().toString())
                .toList());
        // kept as sent, the standard page property too
        assertEquals("{\"plan\":1,\"url\":\"/p\"}", out.getPropertiesJson());
    }

    @Test
    void aPageOfADraftDefinitionPassesAsUnplannedAndOfAnArchivedOneIsQuarantined() {
        define(DefinitionCallType.PAGE, "Pricing", DefinitionStatus.DRAFT, EnforcementMode.QUARANTINE, null);
        raw.pipeInput("ws1/u1", page("{\"name\":\"Pricing\",\"properties\":{\"plan\":\"gold\"}}"));
        ValidatedUsageEvent draft = validated.readValue();
        assertEquals(List.of(EventValidator.UNPLANNED_EVENT), draft.getFlags());
        assertNull(draft.getSchemaRef());

        define(DefinitionCallType.PAGE, "Pricing", DefinitionStatus.ARCHIVED, EnforcementMode.QUARANTINE, PAGE_REF);
        raw.pipeInput("ws1/u1", page("{\"name\":\"Pricing\",\"properties\":{\"plan\":\"pro\"}}"));
        QuarantinedUsageEvent archived = quarantined.readValue();
        assertEquals(QuarantineReason.ARCHIVED_EVENT, archived.getReason());
        assertEquals("name", archived.getViolations().get(0).getPath());
        assertEquals("the definition of page 'Pricing' is archived; restore it to accept the call again",
                archived.getViolations().get(0).getMessage());
    }

    @Test
    void aPageWithoutDefinitionPassesFlaggedEvenUnderAStrictPolicyWithoutRegistryLookupOrSample() {
        // a track event of the same name has a definition: it does not describe the page
        define(DefinitionCallType.TRACK, "Pricing", DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE, TRACK_REF);
        raw.pipeInput("ws1/u1", page("{\"name\":\"Pricing\",\"properties\":{\"plan\":\"gold\"}}"));
        raw.pipeInput("ws1/u1", call(MessageType.SCREEN, "{\"name\":\"Nowhere\",\"properties\":{\"x\":1}}"));
        raw.pipeInput("ws1/u1", page("{\"properties\":{\"url\":\"/\"}}"));
        List<ValidatedUsageEvent> out = validated.readValuesToList();
        assertEquals(3, out.size());
        assertTrue(out.stream().allMatch(e -> e.getFlags().equals(List.of(EventValidator.UNPLANNED_EVENT))));
        assertEquals("{\"plan\":\"gold\"}", out.get(0).getPropertiesJson());
        assertTrue(quarantined.isEmpty(), "the strict policy is about track events only");
        assertTrue(lookups.isEmpty(), "no registry lookup for a call without definition: " + lookups);
        assertTrue(samples.isEmpty(), "samples are of track events only");
        // while the strict policy still quarantines an undefined track event, and samples it
        raw.pipeInput("ws1/u1", ValidationTopologyTest.event("ws1", "Nobody Defined Me", "{}"));
        assertEquals(QuarantineReason.UNKNOWN_EVENT, quarantined.readValue().getReason());
        assertEquals(1, samples.readValuesToList().size());
    }

    @Test
    void aScreenIsValidatedAgainstItsOwnDefinition() {
        define(DefinitionCallType.SCREEN, "Settings", DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE,
                SCREEN_REF);
        raw.pipeInput("ws1/u1", call(MessageType.SCREEN, "{\"name\":\"Settings\",\"properties\":{\"plan\":\"free\"}}"));
        raw.pipeInput("ws1/u1", call(MessageType.SCREEN, "{\"name\":\"Settings\",\"properties\":{}}"));
        assertEquals(SCREEN_REF, validated.readValue().getSchemaRef());
        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.SCHEMA_VIOLATION, out.getReason());
        assertEquals("properties.plan", out.getViolations().get(0).getPath());
        assertEquals("MISSING_REQUIRED", out.getViolations().get(0).getCode());
    }

    @Test
    void identifyTraitsAreValidatedAgainstTheWorkspacesTraitsDefinition() throws IOException {
        define(DefinitionCallType.IDENTIFY, "identify", DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE,
                TRAITS_REF);
        raw.pipeInput("ws1/u1", call(MessageType.IDENTIFY, "{\"traits\":{\"email\":\"a@b.c\",\"age\":\"old\","
                + "\"vip\":true}}"));
        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.SCHEMA_VIOLATION, out.getReason());
        assertEquals(TRAITS_REF, out.getSchemaRef());
        assertEquals(List.of("traits.age", "traits.vip"),
                out.getViolations().stream().map(v -> v.getPath().toString()).toList());

        raw.pipeInput("ws1/u1", call(MessageType.IDENTIFY, "{\"traits\":{\"email\":\"a@b.c\",\"age\":41}}"));
        ValidatedUsageEvent valid = validated.readValue();
        assertEquals(TRAITS_REF, valid.getSchemaRef());
        assertEquals(41L, read(TRAITS, valid).get("age"));
    }

    @Test
    void aRegistryOutageHoldsADefinedPageAndLetsAnUndefinedOnePass() {
        define(DefinitionCallType.PAGE, "Pricing", DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE, null);
        registryUp = false;
        raw.pipeInput("ws1/u1", page("{\"name\":\"Pricing\",\"properties\":{\"plan\":\"pro\"}}"));
        raw.pipeInput("ws1/u1", page("{\"name\":\"Blog\",\"properties\":{}}"));
        assertEquals(List.of(EventValidator.UNPLANNED_EVENT), validated.readValue().getFlags());
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertTrue(validated.isEmpty(), "the defined page is held while the registry is away");
        assertTrue(quarantined.isEmpty());
        registryUp = true;
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        ValidatedUsageEvent released = validated.readValue();
        assertEquals(PAGE_REF, released.getSchemaRef());
        assertTrue(lookups.contains("ws1.page/Pricing"), lookups.toString());
    }

    void define(DefinitionCallType type, String name, DefinitionStatus status, EnforcementMode mode, SchemaRef ref) {
        definitions.put("ws1/" + type + "/" + name, EventDefinitionState.newBuilder().setWorkspaceId("ws1")
                .setName(name).setStatus(status).setEnforcement(mode).setKeyEvent(false).setCriticality("medium")
                .setVersion(1).setSchemaRef(ref).setUpdatedAt(NOW).setCallType(type).build());
    }

    RawUsageEvent page(String payload) {
        return call(MessageType.PAGE, payload);
    }

    RawUsageEvent call(MessageType type, String payload) {
        String body = payload.substring(0, payload.length() - 1) + ",\"userId\":\"u1\"}";
        return RawUsageEvent.newBuilder().setWorkspaceId("ws1").setMessageId("c-" + messages++).setType(type)
                .setUserId("u1").setTimestamp(NOW).setReceivedAt(NOW).setPayload(body).build();
    }

    static GenericRecord read(Schema schema, ValidatedUsageEvent event) throws IOException {
        return new GenericDatumReader<GenericRecord>(schema).read(null,
                DecoderFactory.get().binaryDecoder(event.getProperties().array(), null));
    }

    static SchemaRef ref(String group, String artifact, long globalId) {
        return SchemaRef.newBuilder().setGroupId(group).setArtifactId(artifact).setVersion("1").setGlobalId(globalId)
                .build();
    }
}
