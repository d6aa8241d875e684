package dev.uip.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Serde;
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

class ValidationTopologyTest {

    static final Schema INVOICE = new Schema.Parser().parse("""
            {"type":"record","name":"Invoice_Sent","fields":[{"name":"amount","type":"double"}]}""");
    static final SchemaRef REF = SchemaRef.newBuilder().setGroupId("ws1").setArtifactId("Invoice Sent")
            .setVersion("1").setGlobalId(42).build();
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** Whether the registry is away for workspace "broken" (each test starts with it away). */
    static volatile boolean registryAway = true;

    /** The registry's answers for this test: one event defined, one workspace whose lookups fail while away. */
    static final SchemaCatalog CATALOG = (workspace, event) -> {
        if (workspace.equals("broken") && registryAway) {
            throw new RegistryUnavailableException("connection refused", null);
        }
        if (workspace.equals("buggy")) {
            throw new IllegalStateException("a bug in validation");
        }
        if (workspace.equals("deep")) {
            throw new StackOverflowError();
        }
        return (workspace.equals("ws1") || workspace.equals("broken")) && event.equals("Invoice Sent")
                ? Optional.of(new RegisteredSchema(INVOICE, REF))
                : Optional.empty();
    };

    /** The registry's definitions for this test; each test puts what it needs. */
    final Map<String, EventDefinitionState> definitions = new HashMap<>();
    final Map<String, UnplannedEventPolicy> policies = new HashMap<>();
    final DefinitionCatalog definitionCatalog = new DefinitionCatalog() {

        @Override
        public Optional<EventDefinitionState> definition(String workspaceId, String eventName) {
            return Optional.ofNullable(definitions.get(workspaceId + "/" + eventName));
        }

        @Override
        public UnplannedEventPolicy unplannedEvents(String workspaceId) {
            return policies.getOrDefault(workspaceId, UnplannedEventPolicy.QUARANTINE);
        }
    };

    /** The driver's wall clock at the start: the events' receipt time (moved on by {@link #receive}). */
    static final Instant WALL_CLOCK = NOW;
    /** The message ids dropped as duplicates. */
    final List<String> duplicates = new ArrayList<>();

    TopologyTestDriver driver;
    TestInputTopic<String, RawUsageEvent> raw;
    TestOutputTopic<String, ValidatedUsageEvent> validated;
    TestOutputTopic<String, QuarantinedUsageEvent> quarantined;

    @BeforeEach
    void start() {
        registryAway = true;
        var topics = new ValidationTopology.Topics("raw", "validated", "quarantined", "duplicates",
                "samples");
        var serdes = new ValidationTopology.Serdes3(avro(RawUsageEvent.getDecoder()::decode),
                avro(ValidatedUsageEvent.getDecoder()::decode), avro(QuarantinedUsageEvent.getDecoder()::decode));
        var validator = new EventValidator(CATALOG, definitionCatalog, Clock.fixed(NOW, ZoneOffset.UTC));
        var dedup = new ValidationTopology.Dedup(true, Duration.ofHours(24), false, raw -> duplicates.add(raw
                .getMessageId()));
        driver = new TopologyTestDriver(ValidationTopology.build(topics, serdes, validator, dedup,
                new ValidationTopology.Hold(Duration.ofSeconds(5), Duration.ofMinutes(10), 3),
                new ValidationTopology.Releases("releases", "release-outcomes",
                        avro(QuarantineRelease.getDecoder()::decode),
                        avro(QuarantineReleaseOutcome.getDecoder()::decode),
                        Duration.ofDays(30), (workspace, outcome) -> {
                        })),
                new Properties(),
                WALL_CLOCK);
        raw = driver.createInputTopic("raw", Serdes.String().serializer(), serdes.raw().serializer());
        validated = driver.createOutputTopic("validated", Serdes.String().deserializer(),
                serdes.validated().deserializer());
        quarantined = driver.createOutputTopic("quarantined", Serdes.String().deserializer(),
                serdes.quarantined().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void conformingEventIsValidatedWithTypedProperties() throws IOException {
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 9.5}"));
        assertTrue(quarantined.isEmpty());
        var record = validated.readKeyValue();
        assertEquals("ws1/u1", record.key);
        assertEquals(REF, record.value.getSchemaRef());
        assertEquals("m-1", record.value.getMessageId());
        assertEquals(9.5, decode(record.value.getProperties()).get("amount"));
    }

    @Test
    void violatingEventIsQuarantinedWithReasonAndPath() {
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": \"a lot\"}"));
        assertTrue(validated.isEmpty());
        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.SCHEMA_VIOLATION, out.getReason());
        assertEquals("properties.amount", out.getViolations().get(0).getPath());
        assertEquals("WRONG_TYPE", out.getViolations().get(0).getCode());
        assertEquals(REF, out.getSchemaRef());
        assertEquals(NOW, out.getQuarantinedAt());
        assertEquals("m-1", out.getRaw().getMessageId());
    }

    @Test
    void eventWithoutDefinitionIsQuarantinedAsUnknown() {
        raw.pipeInput("ws1/u1", event("ws1", "Nobody Defined Me", "{}"));
        raw.pipeInput("ws2/u1", event("ws2", "Invoice Sent", "{\"amount\": 1}"));
        assertEquals(List.of(QuarantineReason.UNKNOWN_EVENT, QuarantineReason.UNKNOWN_EVENT),
                quarantined.readValuesToList().stream().map(QuarantinedUsageEvent::getReason).toList());
        assertTrue(validated.isEmpty());
    }

    @Test
    void anErrorInsideValidationQuarantinesTheEventAndTheNextOnesAreValidated() {
        raw.pipeInput("buggy/u1", event("buggy", "Invoice Sent", "{\"amount\": 1}"));
        raw.pipeInput("deep/u1", event("deep", "Invoice Sent", "{\"amount\": 1}"));
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 1}"));
        List<QuarantinedUsageEvent> out = quarantined.readValuesToList();
        assertEquals(List.of(QuarantineReason.VALIDATION_ERROR, QuarantineReason.VALIDATION_ERROR),
                out.stream().map(QuarantinedUsageEvent::getReason).toList());
        assertEquals("validation failed on this event: java.lang.IllegalStateException: a bug in validation",
                out.get(0).getViolations().get(0).getMessage());
        assertEquals("buggy", out.get(0).getRaw().getWorkspaceId());
        assertEquals(1, validated.readValuesToList().size());
    }

    @Test
    void aRegistryOutageHoldsEventsAndValidatesThemInOrderOnceItAnswers() {
        for (int i = 0; i < 3; i++) {
            raw.pipeInput("broken/u1", RawUsageEvent.newBuilder(event("broken", "Invoice Sent", "{\"amount\": " + i
                    + "}")).setMessageId("held-" + i).build());
        }
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertTrue(validated.isEmpty());
        assertTrue(quarantined.isEmpty(), "nothing is quarantined for a registry outage");
        registryAway = false;
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of("held-0", "held-1", "held-2"), validated.readValuesToList().stream()
                .map(ValidatedUsageEvent::getMessageId).toList());
        assertTrue(quarantined.isEmpty());
        // the store is empty again: nothing is forwarded twice
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertTrue(validated.isEmpty());
    }

    @Test
    void aHeldEntryThatCannotBeReadIsQuarantinedWholeNotDropped() {
        driver.<String, byte[]>getKeyValueStore(ValidationTopology.HELD_STORE).put("0000000000001/ws1/m-9",
                new byte[]{1, 2, 3});
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.MALFORMED_PAYLOAD, out.getReason());
        assertEquals("ws1", out.getRaw().getWorkspaceId());
        assertTrue(driver.<String, byte[]>getKeyValueStore(ValidationTopology.HELD_STORE).approximateNumEntries() == 0);
    }

    @Test
    void anEventHeldPastTheMaxHoldOrBeyondTheMaxHeldIsQuarantinedAsBefore() {
        for (int i = 0; i < 4; i++) {
            raw.pipeInput("broken/u1", RawUsageEvent.newBuilder(event("broken", "Invoice Sent", "{\"amount\": 1}"))
                    .setMessageId("m-" + i).build());
        }
        // at most 3 held: the fourth is quarantined at once
        assertEquals("m-3", quarantined.readValue().getRaw().getMessageId());
        driver.advanceWallClockTime(Duration.ofMinutes(11));
        assertEquals(List.of(QuarantineReason.REGISTRY_UNAVAILABLE, QuarantineReason.REGISTRY_UNAVAILABLE,
                QuarantineReason.REGISTRY_UNAVAILABLE),
                quarantined.readValuesToList().stream()
                        .map(QuarantinedUsageEvent::getReason).toList());
        assertTrue(validated.isEmpty());
    }

    @Test
    void nonTrackCallsPassWithoutSchema() {
        RawUsageEvent identify = event("ws1", null, "{}");
        identify.setType(MessageType.IDENTIFY);
        raw.pipeInput("ws1/u1", identify);
        ValidatedUsageEvent out = validated.readValue();
        assertNull(out.getSchemaRef());
        assertNull(out.getProperties());
        assertEquals(MessageType.IDENTIFY, out.getType());
    }

    @Test
    void everyCallTypeIsCheckedAgainstWhatItsTypeNeeds() {
        String longId = "x".repeat(1025);
        List<Object[]> cases = List.of(
                new Object[]{MessageType.GROUP, "{\"userId\":\"u1\"}", "groupId", "MISSING_REQUIRED"},
                new Object[]{MessageType.GROUP, "{\"userId\":\"u1\",\"groupId\":{\"a\":1}}", "groupId",
                        "WRONG_TYPE"},
                new Object[]{MessageType.GROUP, "{\"userId\":\"u1\",\"groupId\":\"g\",\"traits\":[1]}",
                        "traits", "WRONG_TYPE"},
                new Object[]{MessageType.ALIAS, "{\"userId\":\"u1\"}", "previousId", "MISSING_REQUIRED"},
                new Object[]{MessageType.ALIAS, "{\"anonymousId\":\"a1\",\"previousId\":\"p\"}", "userId",
                        "MISSING_REQUIRED"},
                new Object[]{MessageType.IDENTIFY, "{\"userId\":\"u1\",\"traits\":\"vip\"}", "traits",
                        "WRONG_TYPE"},
                new Object[]{MessageType.IDENTIFY, "{\"userId\":\"" + longId + "\"}", "userId", "TOO_LONG"},
                new Object[]{MessageType.PAGE, "{\"userId\":\"u1\",\"name\":42}", "name", "WRONG_TYPE"},
                new Object[]{MessageType.SCREEN, "{\"userId\":\"u1\",\"properties\":[]}", "properties",
                        "WRONG_TYPE"},
                new Object[]{MessageType.PAGE, "{\"userId\":\"u1\",\"context\":\"web\"}", "context",
                        "WRONG_TYPE"});
        int n = 0;
        for (Object[] c : cases) {
            raw.pipeInput("ws1/u1", call((MessageType) c[0], "env-" + n++, (String) c[1]));
            QuarantinedUsageEvent out = quarantined.readValue();
            assertEquals(QuarantineReason.INVALID_ENVELOPE, out.getReason(), c[1].toString());
            assertEquals(c[2], out.getViolations().get(0).getPath(), c[1].toString());
            assertEquals(c[3], out.getViolations().get(0).getCode(), c[1].toString());
        }
        assertTrue(validated.isEmpty());
        // well-formed calls of every type pass
        for (String[] ok : List.of(new String[]{"GROUP", "{\"userId\":\"u1\",\"groupId\":7,\"traits\":{}}"},
                new String[]{"ALIAS", "{\"userId\":\"u1\",\"previousId\":\"a1\"}"},
                new String[]{"IDENTIFY", "{\"userId\":\"u1\",\"traits\":{\"plan\":\"pro\"}}"},
                new String[]{"PAGE", "{\"userId\":\"u1\",\"name\":\"Pricing\",\"properties\":{}}"},
                new String[]{"SCREEN", "{\"anonymousId\":\"a1\",\"name\":null}"})) {
            raw.pipeInput("ws1/u1", call(MessageType.valueOf(ok[0]), "ok-" + n++, ok[1]));
            assertEquals(MessageType.valueOf(ok[0]), validated.readValue().getType(), ok[1]);
        }
        assertTrue(quarantined.isEmpty());
    }

    static RawUsageEvent call(MessageType type, String messageId, String payload) {
        return RawUsageEvent.newBuilder().setWorkspaceId("ws1").setMessageId(messageId).setType(type).setUserId("u1")
                .setTimestamp(NOW).setReceivedAt(NOW).setPayload(payload).build();
    }

    @Test
    void eventOfAnArchivedDefinitionIsQuarantinedWithThatReason() {
        define("ws1", "Invoice Sent", DefinitionStatus.ARCHIVED, EnforcementMode.QUARANTINE);
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 1}"));
        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.ARCHIVED_EVENT, out.getReason());
        assertEquals("ARCHIVED_EVENT", out.getViolations().get(0).getCode());
        assertTrue(validated.isEmpty());
    }

    @Test
    void warnModeAcceptsAnInvalidEventWithItsViolationsAndTheRawProperties() {
        define("ws1", "Invoice Sent", DefinitionStatus.ACTIVE, EnforcementMode.WARN);
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": \"a lot\"}"));
        assertTrue(quarantined.isEmpty());
        ValidatedUsageEvent out = validated.readValue();
        assertEquals(List.of(EventValidator.SCHEMA_VIOLATION), out.getFlags());
        assertEquals("properties.amount", out.getViolations().get(0).getPath());
        assertNull(out.getProperties());
        assertEquals("{\"amount\":\"a lot\"}", out.getPropertiesJson());
        assertEquals(REF, out.getSchemaRef());
    }

    @Test
    void observeModeAcceptsAnInvalidEventFlaggedWithoutViolations() {
        define("ws1", "Invoice Sent", DefinitionStatus.ACTIVE, EnforcementMode.OBSERVE);
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": \"a lot\"}"));
        ValidatedUsageEvent out = validated.readValue();
        assertEquals(List.of(EventValidator.SCHEMA_VIOLATION), out.getFlags());
        assertTrue(out.getViolations().isEmpty());
        assertTrue(quarantined.isEmpty());
    }

    @Test
    void validEventsPassInEveryModeWithoutFlags() {
        define("ws1", "Invoice Sent", DefinitionStatus.ACTIVE, EnforcementMode.OBSERVE);
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"));
        ValidatedUsageEvent out = validated.readValue();
        assertTrue(out.getFlags().isEmpty());
        assertTrue(out.getProperties() != null && out.getPropertiesJson() == null);
    }

    @Test
    void unplannedEventsFollowTheWorkspacePolicy() {
        policies.put("ws1", UnplannedEventPolicy.ACCEPT_AND_FLAG);
        RawUsageEvent unplanned = event("ws1", "Nobody Defined Me", "{\"x\": 1}");
        unplanned.setFlags(List.of("FUTURE_TIMESTAMP"));
        raw.pipeInput("ws1/u1", unplanned);
        raw.pipeInput("ws2/u1", event("ws2", "Nobody Defined Me", "{}"));
        ValidatedUsageEvent out = validated.readValue();
        assertEquals(List.of("FUTURE_TIMESTAMP", EventValidator.UNPLANNED_EVENT), out.getFlags());
        assertEquals("{\"x\":1}", out.getPropertiesJson());
        assertNull(out.getSchemaRef());
        assertEquals(QuarantineReason.UNKNOWN_EVENT, quarantined.readValue().getReason());
        // both are unplanned (accepted with the flag, or quarantined as unknown): each is also kept whole as a sample
        var samples = samples().readKeyValuesToList();
        assertEquals(List.of("ws1/Nobody Defined Me", "ws2/Nobody Defined Me"), samples.stream().map(kv -> kv.key)
                .toList());
        assertEquals(unplanned.getPayload(), samples.get(0).value.getPayload());
    }

    @Test
    void aFewSamplesPerUnplannedEventAndMinuteAreKeptAndNoneOfDefinedEvents() {
        for (int i = 0; i < ValidateProcessor.SAMPLES_PER_MINUTE + 5; i++) {
            raw.pipeInput("ws1/u1", RawUsageEvent.newBuilder(event("ws1", "Legacy Click", "{}")).setMessageId("l-" + i)
                    .build());
        }
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 1}"));
        assertEquals(ValidateProcessor.SAMPLES_PER_MINUTE, samples().readValuesToList().size());
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        raw.pipeInput("ws1/u1", RawUsageEvent.newBuilder(event("ws1", "Legacy Click", "{}")).setMessageId("next")
                .build());
        assertEquals(List.of("next"), samples().readValuesToList().stream().map(RawUsageEvent::getMessageId)
                .toList(), "a new minute takes samples again");
    }

    TestOutputTopic<String, RawUsageEvent> samples() {
        return driver.createOutputTopic("samples", Serdes.String().deserializer(),
                avro(RawUsageEvent.getDecoder()::decode).deserializer());
    }

    @Test
    void aDraftDefinitionDoesNotValidateYet() {
        // The registry still has a schema under this name (e.g. from an earlier publish), but the state says draft.
        define("ws1", "Invoice Sent", DefinitionStatus.DRAFT, EnforcementMode.QUARANTINE);
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 1}"));
        assertEquals(QuarantineReason.UNKNOWN_EVENT, quarantined.readValue().getReason());
    }

    @Test
    void anUndecodableRecordIsQuarantinedWholeAndValidationGoesOn() {
        TestInputTopic<String, byte[]> bytes = driver.createInputTopic("raw", Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        byte[] garbage = {0, 0, 0, 0, 42, (byte) 0xff, 1, 2};
        bytes.pipeInput("ws1/u1", garbage);
        raw.pipeInput("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"));

        QuarantinedUsageEvent out = quarantined.readValue();
        assertEquals(QuarantineReason.MALFORMED_PAYLOAD, out.getReason());
        assertEquals("UNDECODABLE_RECORD", out.getViolations().get(0).getCode());
        assertEquals("ws1", out.getRaw().getWorkspaceId());
        assertEquals(List.of("UNDECODABLE_RECORD"), out.getRaw().getFlags());
        assertTrue(java.util.Arrays.equals(garbage, java.util.Base64.getDecoder().decode(out.getRaw().getPayload())));
        assertEquals("m-1", validated.readValue().getMessageId());
    }

    /** Pipes {@code event} as received at {@code at}, the wall clock having moved on to then. */
    void receive(String key, RawUsageEvent event, Instant at) {
        Instant clock = WALL_CLOCK.plusMillis(wallClockAdvanced);
        if (at.isAfter(clock)) {
            driver.advanceWallClockTime(Duration.between(clock, at));
            wallClockAdvanced += Duration.between(clock, at).toMillis();
        }
        raw.pipeInput(key, event, at);
    }

    long wallClockAdvanced;

    @Test
    void aRetriedMessageIsValidatedOnceWithinTheWindowAndCounted() {
        RawUsageEvent first = event("ws1", "Invoice Sent", "{\"amount\": 2}");
        receive("ws1/u1", first, NOW);
        // the SDK's retry: same workspace and messageId, received again later (its user key is the same)
        receive("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"), NOW.plus(Duration.ofHours(23)));
        // an invalid retry is not quarantined either: the first copy decided
        receive("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": \"x\"}"), NOW.plus(Duration.ofHours(1)));
        assertEquals(1, validated.readValuesToList().size());
        assertTrue(quarantined.isEmpty());
        assertEquals(List.of("m-1", "m-1"), duplicates);
        // each copy goes to the duplicates topic to be counted, without its payload
        List<RawUsageEvent> copies = driver.createOutputTopic("duplicates", Serdes.String().deserializer(),
                avro(RawUsageEvent.getDecoder()::decode).deserializer()).readValuesToList();
        assertEquals(List.of("m-1", "m-1"), copies.stream().map(RawUsageEvent::getMessageId).toList());
        assertEquals(List.of("Invoice Sent", "Invoice Sent"), copies.stream().map(RawUsageEvent::getEvent).toList());
        assertTrue(copies.stream().allMatch(copy -> copy.getPayload().isEmpty()));
    }

    @Test
    void theSameMessageIdInAnotherWorkspaceOrAfterTheWindowIsNotADuplicate() {
        define("ws2", "Invoice Sent", DefinitionStatus.ACTIVE, EnforcementMode.OBSERVE);
        receive("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"), NOW);
        receive("ws2/u1", RawUsageEvent.newBuilder(event("ws1", "Invoice Sent", "{\"amount\": 2}"))
                .setWorkspaceId("ws2").build(), NOW);
        receive("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"), NOW.plus(Duration.ofHours(25)));
        assertEquals(3, validated.readValuesToList().size());
        assertTrue(duplicates.isEmpty());
    }

    @Test
    void aQuarantinedMessageRetriedIsQuarantinedOnce() {
        receive("ws1/u1", event("ws1", "Nobody Defined Me", "{}"), NOW);
        receive("ws1/u1", event("ws1", "Nobody Defined Me", "{}"), NOW.plusSeconds(5));
        assertEquals(1, quarantined.readValuesToList().size());
        assertEquals(List.of("m-1"), duplicates);
    }

    @Test
    void aRecordStampedFarAheadDoesNotExpireTheKeptIds() {
        receive("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"), NOW);
        RawUsageEvent other = RawUsageEvent.newBuilder(event("ws1", "Invoice Sent", "{\"amount\": 3}"))
                .setMessageId("m-2").build();
        raw.pipeInput("ws1/u2", other, Instant.parse("9999-12-31T00:00:00Z"));
        receive("ws1/u1", event("ws1", "Invoice Sent", "{\"amount\": 2}"), NOW.plusSeconds(60));
        assertEquals(2, validated.readValuesToList().size());
        assertEquals(List.of("m-1"), duplicates);
    }

    @Test
    void aDedupWindowOutsideOneMinuteToSevenDaysIsRefused() {
        for (Duration window : List.of(Duration.ofSeconds(30), Duration.ofDays(8))) {
            IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> new ValidationTopology.Dedup(true, window, true, r -> {
                    }));
            assertTrue(refused.getMessage().contains("dedup window"), refused.getMessage());
        }
    }

    void define(String workspace, String name, DefinitionStatus status, EnforcementMode mode) {
        definitions.put(workspace + "/" + name, EventDefinitionState.newBuilder().setWorkspaceId(workspace)
                .setName(name).setStatus(status).setEnforcement(mode).setKeyEvent(false).setCriticality("medium")
                .setVersion(1).setSchemaRef(status == DefinitionStatus.DRAFT ? null : REF).setUpdatedAt(NOW)
                .build());
    }

    static RawUsageEvent event(String workspace, String name, String properties) {
        return RawUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId("m-1").setType(MessageType.TRACK)
                .setEvent(name).setUserId("u1").setTimestamp(NOW).setReceivedAt(NOW)
                .setPayload("{\"event\":\"" + name + "\",\"userId\":\"u1\",\"properties\":" + properties
                        + ",\"context\":{\"library\":{\"name\":\"test\"}}}")
                .build();
    }

    static GenericRecord decode(ByteBuffer bytes) throws IOException {
        return new GenericDatumReader<GenericRecord>(INVOICE).read(null,
                DecoderFactory.get().binaryDecoder(bytes.array(), null));
    }

    interface Decoder<T> {

        T decode(ByteBuffer bytes) throws IOException;
    }

    /** Plain Avro binary without a registry: enough to drive the topology in a unit test. */
    static <T extends org.apache.avro.specific.SpecificRecordBase> Serde<T> avro(Decoder<T> decoder) {
        return Serdes.serdeFrom((topic, value) -> {
            try {
                return value == null ? null : toBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, (topic, bytes) -> {
            try {
                return bytes == null ? null : decoder.decode(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static byte[] toBytes(Object value) throws IOException {
        try {
            ByteBuffer buffer = (ByteBuffer) value.getClass().getMethod("toByteBuffer").invoke(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
    }
}
