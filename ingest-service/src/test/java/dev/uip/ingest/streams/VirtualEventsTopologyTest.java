package dev.uip.ingest.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.uip.ingest.domain.DefinitionCatalog;
import dev.uip.ingest.service.EventValidator;
import dev.uip.ingest.service.VirtualEvents;
import dev.uip.ingest.service.VirtualRuleIndex;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.ValidatedUsageEvent;

/** Virtual definitions in the validation topology: what reaches validated derives, once; nothing else does. */
class VirtualEventsTopologyTest {

    static final String BILLING = """
            {"callTypes": ["page"], "where": {"path": "properties.url", "op": "contains", "value": "/billing"}}""";
    static final String BIG_INVOICE = """
            {"events": ["Invoice Sent"], "where": {"path": "properties.amount", "op": "gte", "value": 100}}""";

    final VirtualRuleIndex index = new VirtualRuleIndex();
    final List<String> failures = new ArrayList<>();
    final List<Integer> derivedCounts = new ArrayList<>();
    TopologyTestDriver driver;
    TestInputTopic<String, RawUsageEvent> raw;
    TestOutputTopic<String, ValidatedUsageEvent> validated;
    TestOutputTopic<String, QuarantinedUsageEvent> quarantined;

    @BeforeEach
    void start() {
        var topics = new ValidationTopology.Topics("raw", "validated", "quarantined", "duplicates", "samples");
        var serdes = new ValidationTopology.Serdes3(ValidationTopologyTest.avro(RawUsageEvent.getDecoder()::decode),
                ValidationTopologyTest.avro(ValidatedUsageEvent.getDecoder()::decode),
                ValidationTopologyTest.avro(QuarantinedUsageEvent.getDecoder()::decode));
        DefinitionCatalog definitions = new DefinitionCatalog() {

            @Override
            public Optional<EventDefinitionState> definition(String workspaceId, String eventName) {
                return Optional.empty();
            }

            @Override
            public UnplannedEventPolicy unplannedEvents(String workspaceId) {
                return UnplannedEventPolicy.ACCEPT_AND_FLAG;
            }
        };
        var validator = new EventValidator(ValidationTopologyTest.CATALOG, definitions,
                Clock.fixed(ValidationTopologyTest.NOW, ZoneOffset.UTC));
        var virtual = new VirtualEvents(index, 100, new VirtualEvents.Listener() {

            @Override
            public void derived(String workspaceId, int count) {
                derivedCounts.add(count);
            }

            @Override
            public void failed(String workspaceId, String ruleName, Throwable problem) {
                failures.add(ruleName);
            }

            @Override
            public void skipped(String workspaceId, int count) {
            }
        });
        driver = new TopologyTestDriver(ValidationTopology.build(topics, serdes, validator,
                new ValidationTopology.Dedup(true, Duration.ofHours(24), false, r -> {
                }), new ValidationTopology.Hold(Duration.ofSeconds(5), Duration.ofMinutes(10), 3), virtual),
                new Properties(), ValidationTopologyTest.WALL_CLOCK);
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

    static EventDefinitionState virtual(String workspace, String name, int version, DefinitionStatus status,
            String rule) {
        return EventDefinitionState.newBuilder().setWorkspaceId(workspace).setName(name).setStatus(status)
                .setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false).setCriticality("medium")
                .setVersion(version).setUpdatedAt(ValidationTopologyTest.NOW).setVirtualRule(rule).build();
    }

    static RawUsageEvent page(String workspace, String messageId, String url) {
        return RawUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(messageId)
                .setType(MessageType.PAGE).setUserId("u-7").setAnonymousId("a-7")
                .setTimestamp(ValidationTopologyTest.NOW.minusSeconds(3)).setReceivedAt(ValidationTopologyTest.NOW)
                .setPayload("{\"type\":\"page\",\"userId\":\"u-7\",\"anonymousId\":\"a-7\",\"name\":\"Invoices\","
                        + "\"properties\":{\"url\":\"" + url + "\",\"title\":\"Invoices\"},"
                        + "\"context\":{\"app\":{\"version\":\"2.3.1\"}}}")
                .build();
    }

    @Test
    void aMatchingPageDerivesVisitedBillingWithProvenance() {
        index.update(virtual("ws1", "Visited Billing", 3, DefinitionStatus.ACTIVE, BILLING));
        raw.pipeInput("ws1/u-7", page("ws1", "p-1", "https://app.example.com/billing/invoices"));

        var records = validated.readKeyValuesToList();
        assertEquals(2, records.size());
        ValidatedUsageEvent source = records.get(0).value;
        assertEquals("p-1", source.getMessageId());
        assertEquals(MessageType.PAGE, source.getType());
        assertNull(source.getDerivedFrom());

        ValidatedUsageEvent derived = records.get(1).value;
        assertEquals("ws1/u-7", records.get(1).key);
        assertEquals(MessageType.TRACK, derived.getType());
        assertEquals("Visited Billing", derived.getEvent());
        assertEquals(VirtualEvents.messageIdOf("p-1", "Visited Billing"), derived.getMessageId());
        assertTrue(derived.getMessageId().startsWith("p-1:"));
        assertEquals(List.of("DERIVED"), derived.getFlags());
        assertEquals("Visited Billing", derived.getDerivedFrom().getRuleName());
        assertEquals(3, derived.getDerivedFrom().getRuleVersion());
        assertEquals("p-1", derived.getDerivedFrom().getSourceMessageId());
        assertEquals("u-7", derived.getUserId());
        assertEquals("a-7", derived.getAnonymousId());
        assertEquals(source.getTimestamp(), derived.getTimestamp());
        assertEquals(source.getReceivedAt(), derived.getReceivedAt());
        assertEquals(source.getContext(), derived.getContext());
        assertEquals("{\"url\":\"https://app.example.com/billing/invoices\",\"title\":\"Invoices\"}",
                derived.getPropertiesJson());
        assertTrue(quarantined.isEmpty());
        assertEquals(List.of(1), derivedCounts);
    }

    @Test
    void noMatchDerivesNothing() {
        index.update(virtual("ws1", "Visited Billing", 1, DefinitionStatus.ACTIVE, BILLING));
        raw.pipeInput("ws1/u-7", page("ws1", "p-2", "https://app.example.com/settings"));
        // another workspace's rule never applies
        raw.pipeInput("ws2/u-7", page("ws2", "p-3", "https://app.example.com/billing"));

        var records = validated.readValuesToList();
        assertEquals(List.of("p-2", "p-3"), records.stream().map(ValidatedUsageEvent::getMessageId).toList());
        assertTrue(derivedCounts.isEmpty());
    }

    @Test
    void aDuplicateSourceDerivesNoSecondEvent() {
        index.update(virtual("ws1", "Visited Billing", 1, DefinitionStatus.ACTIVE, BILLING));
        raw.pipeInput("ws1/u-7", page("ws1", "p-4", "/billing"));
        raw.pipeInput("ws1/u-7", page("ws1", "p-4", "/billing"));

        var ids = validated.readValuesToList().stream().map(ValidatedUsageEvent::getMessageId).toList();
        assertEquals(List.of("p-4", VirtualEvents.messageIdOf("p-4", "Visited Billing")), ids);
    }

    @Test
    void aQuarantinedSourceDerivesNothing() {
        index.update(virtual("ws1", "Big Invoice", 1, DefinitionStatus.ACTIVE, BIG_INVOICE));
        // "Invoice Sent" is defined in ws1 with a numeric amount: a string amount is quarantined
        raw.pipeInput("ws1/u1", ValidationTopologyTest.event("ws1", "Invoice Sent", "{\"amount\": \"500\"}"));
        assertEquals(QuarantineReason.SCHEMA_VIOLATION, quarantined.readValue().getReason());
        assertTrue(validated.isEmpty());

        // the same event valid and large derives; valid and small does not
        RawUsageEvent big = ValidationTopologyTest.event("ws1", "Invoice Sent", "{\"amount\": 500}");
        big.setMessageId("m-big");
        RawUsageEvent small = ValidationTopologyTest.event("ws1", "Invoice Sent", "{\"amount\": 5}");
        small.setMessageId("m-small");
        raw.pipeInput("ws1/u1", big);
        raw.pipeInput("ws1/u1", small);
        var events = validated.readValuesToList();
        assertEquals(List.of("m-big", VirtualEvents.messageIdOf("m-big", "Big Invoice"), "m-small"),
                events.stream().map(ValidatedUsageEvent::getMessageId).toList());
        assertEquals("{\"amount\":500}", events.get(1).getPropertiesJson());
    }

    @Test
    void archivedOrChangedDefinitionsAreFollowed() {
        index.update(virtual("ws1", "Visited Billing", 1, DefinitionStatus.ACTIVE, BILLING));
        index.update(virtual("ws1", "Visited Billing", 2, DefinitionStatus.ARCHIVED, BILLING));
        raw.pipeInput("ws1/u-7", page("ws1", "p-5", "/billing"));
        assertEquals(1, validated.readValuesToList().size());

        index.update(virtual("ws1", "Visited Billing", 3, DefinitionStatus.ACTIVE, """
                {"callTypes": ["page"], "where": {"path": "properties.url", "op": "starts_with", "value": "/pay"}}"""));
        raw.pipeInput("ws1/u-7", page("ws1", "p-6", "/billing"));
        raw.pipeInput("ws1/u-7", page("ws1", "p-7", "/pay/now"));
        var events = validated.readValuesToList();
        assertEquals(3, events.size());
        assertEquals(3, events.get(2).getDerivedFrom().getRuleVersion());
    }

    @Test
    void twoRulesDeriveTwoEventsWithDistinctIds() {
        index.update(virtual("ws1", "Visited Billing", 1, DefinitionStatus.ACTIVE, BILLING));
        index.update(virtual("ws1", "Any Page", 1, DefinitionStatus.ACTIVE, "{\"callTypes\":[\"page\"]}"));
        raw.pipeInput("ws1/u-7", page("ws1", "p-8", "/billing"));
        var events = validated.readValuesToList();
        assertEquals(List.of("p-8", "Any Page", "Visited Billing"), events.stream()
                .map(e -> e.getEvent() == null ? e.getMessageId() : e.getEvent()).toList());
        assertNotEquals(events.get(1).getMessageId(), events.get(2).getMessageId());
    }
}
