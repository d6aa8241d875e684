package dev.uip.anomaly.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.uip.anomaly.service.EventCounts;
import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * The per-minute counts of {@code /v1/counts}, read as {@link EventCounts} reads them from the anomaly topology's
 * trend buckets, with explicit event times and a driven wall clock.
 */
class CountWindowsTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final AvroBinarySerde<ValidatedUsageEvent> SERDE = TestTopologies.VALIDATED;

    TopologyTestDriver driver;
    TestInputTopic<String, ValidatedUsageEvent> input;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(TestTopologies.anomaly(true), new Properties(), T0);
        input = driver.createInputTopic(TestTopologies.VALIDATED_TOPIC, Serdes.String().serializer(),
                SERDE.serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsTwoEventsOfOneWindowTogether() {
        send("ws1", "Invoice Sent", T0.plusSeconds(5));
        send("ws1", "Invoice Sent", T0.plusSeconds(55));

        assertEquals(Map.of(T0, 2L), windows("ws1", "Invoice Sent"));
    }

    @Test
    void startsANewWindowAtTheBoundary() {
        send("ws1", "Invoice Sent", T0.plusMillis(59_999));
        send("ws1", "Invoice Sent", T0.plusSeconds(60));

        assertEquals(Map.of(T0, 1L, T0.plusSeconds(60), 1L), windows("ws1", "Invoice Sent"));
    }

    @Test
    void countsAnOutOfOrderEventInItsWindow() {
        send("ws1", "Invoice Sent", T0.plusSeconds(90));
        send("ws1", "Invoice Sent", T0.plusSeconds(45));
        send("ws1", "Other", T0.plusMillis(119_999));
        send("ws1", "Invoice Sent", T0.plusSeconds(10));

        assertEquals(Map.of(T0, 2L, T0.plusSeconds(60), 1L), windows("ws1", "Invoice Sent"));
    }

    @Test
    void countsALateEventWhileItsMinuteIsKeptAndNotOnceItIsGone() {
        send("ws1", "Invoice Sent", T0.plusSeconds(30));
        // Stream time and the wall clock move on by hours: the 12:00 minute was judged long ago, and is still kept.
        send("ws1", "Other", T0.plus(Duration.ofHours(5)));
        driver.advanceWallClockTime(Duration.ofHours(5));
        send("ws1", "Invoice Sent", T0.plusSeconds(40));
        // Older than the minutes kept (48 h back from the wall clock): in no minute (only in the rollups).
        send("ws1", "Invoice Sent", T0.minus(Duration.ofHours(48)));

        assertEquals(Map.of(T0, 2L), windows("ws1", "Invoice Sent", T0.minus(Duration.ofHours(49)), T0.plusSeconds(
                3600)));
    }

    @Test
    void anEventDatedAheadCountsWhenItWasReceivedAndMakesNoOtherEventLate() {
        Instant received = T0.plusSeconds(10);
        input.pipeInput("ws1", event("ws1", "Invoice Sent", Instant.parse("9999-12-31T23:59:59Z"))
                .setReceivedAt(received).build(), received);
        input.pipeInput("ws1", event("ws1", "Invoice Sent", T0.plusSeconds(3000)).setReceivedAt(received).build(),
                received);
        // Another workspace's on-time event in the same partition is still counted in its window.
        send("ws2", "Invoice Sent", T0.plusSeconds(20));

        assertEquals(Map.of(T0, 2L), windows("ws1", "Invoice Sent"));
        assertEquals(Map.of(T0, 1L), windows("ws2", "Invoice Sent"));
    }

    @Test
    void keepsWorkspacesAndEventsApartAndSkipsCallsOtherThanTrack() {
        send("ws1", "Invoice Sent", T0.plusSeconds(1));
        send("ws2", "Invoice Sent", T0.plusSeconds(2));
        send("ws1", "Invoice Paid", T0.plusSeconds(3));
        input.pipeInput("ws1", event("ws1", null, T0.plusSeconds(4)).setType(MessageType.IDENTIFY).build(),
                T0.plusSeconds(4));
        input.pipeInput("ws1", event("ws1", "Invoice Sent", T0.plusSeconds(5)).setType(MessageType.PAGE)
                .setName("Invoice Sent").build(), T0.plusSeconds(5));

        assertEquals(Map.of(T0, 1L), windows("ws1", "Invoice Sent"));
        assertEquals(Map.of(T0, 1L), windows("ws2", "Invoice Sent"));
        assertEquals(Map.of(T0, 1L), windows("ws1", "Invoice Paid"));
        assertEquals(Map.of(), windows("ws1", "null"));
        assertEquals(Map.of(), windows("ws1", ""));
    }

    @Test
    void countsOnlyValidatedEventsSoAMinuteOfQuarantinedOnesIsNoWindow() {
        var quarantined = driver.createInputTopic("quarantined", Serdes.String().serializer(),
                new AvroBinarySerde<>(QuarantinedUsageEvent.class).serializer());
        quarantined.pipeInput(null, TrendTopologyTest.quarantinedEvent("ws1", "Invoice Sent", T0.plusSeconds(5)),
                T0.plusSeconds(5));
        send("ws1", "Invoice Sent", T0.plusSeconds(65));
        quarantined.pipeInput(null, TrendTopologyTest.quarantinedEvent("ws1", "Invoice Sent", T0.plusSeconds(70)),
                T0.plusSeconds(70));

        assertEquals(Map.of(T0.plusSeconds(60), 1L), windows("ws1", "Invoice Sent"));
    }

    @Test
    void answersTheWindowsThatStartedInTheSpan() {
        send("ws1", "Invoice Sent", T0.plusSeconds(5));
        send("ws1", "Invoice Sent", T0.plusSeconds(65));
        send("ws1", "Invoice Sent", T0.plusSeconds(125));

        assertEquals(Map.of(T0.plusSeconds(60), 1L, T0.plusSeconds(120), 1L), windows("ws1", "Invoice Sent",
                T0.plusSeconds(1), T0.plusSeconds(120)));
    }

    @Test
    void refusesACountSpanLongerThanTheMinutesAreKept() {
        TopologyProducer.requireCountSpanKept(Duration.ofHours(48), Duration.ofHours(48));
        assertThrows(IllegalArgumentException.class, () -> TopologyProducer.requireCountSpanKept(Duration.ofHours(
                48).plusMinutes(1), Duration.ofHours(48)));
    }

    @Test
    void keepsTheRegistrysDefinitionsInAGlobalStore() {
        var definitions = TestTopologies.DEFINITIONS;
        var states = driver.createInputTopic(TestTopologies.DEFINITIONS_TOPIC, Serdes.String().serializer(),
                definitions.serializer());
        EventDefinitionState invoice = EventDefinitionState.newBuilder().setWorkspaceId("ws1")
                .setName("Invoice Sent").setStatus(DefinitionStatus.ACTIVE)
                .setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(true).setCriticality("high")
                .setOwnerTeam("billing").setVersion(3).setUpdatedAt(T0).build();
        states.pipeInput(DefinitionLookup.key("ws1", "Invoice Sent"), invoice);
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(TrendStores.DEFINITIONS);

        // Kept as the topic's bytes, which is what a restore from the topic would put there too.
        assertEquals(invoice, definitions.deserializer().deserialize("defs", store.get("ws1/Invoice Sent")));
        assertNull(store.get("ws2/Invoice Sent"));
        DefinitionLookup lookup = new DefinitionLookup(store, bytes -> definitions.deserializer().deserialize(
                "defs", bytes));
        assertEquals(invoice, lookup.get("ws1", "Invoice Sent"));

        // a page definition of the same name shares the workspace's prefix but is no track event's definition
        EventDefinitionState page = EventDefinitionState.newBuilder(invoice).setKeyEvent(true)
                .setCallType(DefinitionCallType.PAGE).build();
        states.pipeInput("ws1/PAGE/Invoice Sent", page);
        assertEquals(List.of(invoice), lookup.all("ws1"));
        assertEquals(1, lookup.activeKeyEvents("ws1"));
    }

    void send(String workspace, String eventName, Instant time) {
        input.pipeInput(workspace, event(workspace, eventName, time).build(), time);
    }

    static ValidatedUsageEvent.Builder event(String workspace, String eventName, Instant time) {
        return ValidatedUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString())
                .setType(MessageType.TRACK).setEvent(eventName).setUserId("user-1").setTimestamp(time)
                .setReceivedAt(time);
    }

    Map<Instant, Long> windows(String workspace, String eventName) {
        return windows(workspace, eventName, T0.minusSeconds(3600), T0.plusSeconds(3600));
    }

    Map<Instant, Long> windows(String workspace, String eventName, Instant from, Instant to) {
        WindowStore<String, byte[]> store = driver.getWindowStore(TrendStores.BUCKETS);
        Map<Instant, Long> counts = new LinkedHashMap<>();
        EventCounts.windows(store, workspace, eventName, from, to).forEach(w -> counts.put(w.windowStart(),
                w.count()));
        return counts;
    }
}
