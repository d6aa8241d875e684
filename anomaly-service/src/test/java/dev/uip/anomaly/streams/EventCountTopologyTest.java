package dev.uip.anomaly.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;

/** The count topology with explicit event times: 1-minute tumbling windows with 1 minute of grace. */
class EventCountTopologyTest {

    static final String TOPIC = "validated";
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final AvroBinarySerde<ValidatedUsageEvent> SERDE = new AvroBinarySerde<>(ValidatedUsageEvent.class);

    TopologyTestDriver driver;
    TestInputTopic<String, ValidatedUsageEvent> input;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(new EventCountTopology(TOPIC, SERDE, Duration.ofMinutes(1)).build(),
                new Properties());
        input = driver.createInputTopic(TOPIC, Serdes.String().serializer(), SERDE.serializer());
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
    void countsAnOutOfOrderEventWithinGrace() {
        send("ws1", "Invoice Sent", T0.plusSeconds(90));
        // Stream time is 12:01:30; the 12:00 window ended at 12:01 and stays open until 12:02.
        send("ws1", "Invoice Sent", T0.plusSeconds(45));
        // One millisecond before the window closes.
        send("ws1", "Other", T0.plusMillis(119_999));
        send("ws1", "Invoice Sent", T0.plusSeconds(10));

        assertEquals(Map.of(T0, 2L, T0.plusSeconds(60), 1L), windows("ws1", "Invoice Sent"));
    }

    @Test
    void dropsAnEventLaterThanGrace() {
        send("ws1", "Invoice Sent", T0.plusSeconds(30));
        // Stream time reaches 12:02, end of the 12:00 window plus grace: the window is closed.
        send("ws1", "Other", T0.plusSeconds(120));
        send("ws1", "Invoice Sent", T0.plusSeconds(40));
        send("ws1", "Other", T0.plusSeconds(300));
        send("ws1", "Invoice Sent", T0.plusSeconds(50));

        assertEquals(Map.of(T0, 1L), windows("ws1", "Invoice Sent"));
    }

    @Test
    void anEventDatedAheadCountsWhenItWasReceivedAndMakesNoOtherEventLate() {
        Instant received = T0.plusSeconds(10);
        input.pipeInput("ws1", event("ws1", "Invoice Sent", Instant.parse("9999-12-31T23:59:59Z"))
                .setReceivedAt(received).build(), received);
        input.pipeInput("ws1", event("ws1", "Invoice Sent", T0.plusSeconds(3000)).setReceivedAt(received).build(),
                received);
        // Another workspace's on-time event in the same partition is still inside its window's grace.
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

        assertEquals(Map.of(T0, 1L), windows("ws1", "Invoice Sent"));
        assertEquals(Map.of(T0, 1L), windows("ws2", "Invoice Sent"));
        assertEquals(Map.of(T0, 1L), windows("ws1", "Invoice Paid"));
        assertEquals(Map.of(), windows("ws1", "null"));
    }

    @Test
    void refusesARetentionShorterThanAWindowAndItsGrace() {
        assertThrows(IllegalArgumentException.class, () -> new EventCountTopology(TOPIC, SERDE,
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(5)));
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
        WindowStore<String, Long> store = driver.getWindowStore(EventCountTopology.STORE);
        Map<Instant, Long> counts = new LinkedHashMap<>();
        try (WindowStoreIterator<Long> windows = store.fetch(EventCountTopology.key(workspace, eventName),
                T0.minusSeconds(3600), T0.plusSeconds(3600))) {
            windows.forEachRemaining(window -> counts.put(Instant.ofEpochMilli(window.key), window.value));
        }
        return counts;
    }

    @Test
    void keepsTheRegistrysDefinitionsInAGlobalStore() {
        var definitions = new AvroBinarySerde<>(EventDefinitionState.class);
        try (TopologyTestDriver withDefinitions = new TopologyTestDriver(new EventCountTopology(TOPIC, SERDE,
                Duration.ofMinutes(1)).withDefinitions("definitions").build(), new Properties())) {
            var states = withDefinitions.createInputTopic("definitions", Serdes.String().serializer(),
                    definitions.serializer());
            EventDefinitionState invoice = EventDefinitionState.newBuilder().setWorkspaceId("ws1")
                    .setName("Invoice Sent").setStatus(DefinitionStatus.ACTIVE)
                    .setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(true).setCriticality("high")
                    .setOwnerTeam("billing").setVersion(3).setUpdatedAt(T0).build();
            states.pipeInput(EventCountTopology.key("ws1", "Invoice Sent"), invoice);
            KeyValueStore<String, byte[]> store = withDefinitions
                    .getKeyValueStore(EventCountTopology.DEFINITIONS_STORE);

            // Kept as the topic's bytes, which is what a restore from the topic would put there too.
            assertEquals(invoice, definitions.deserializer().deserialize("definitions", store.get("ws1/Invoice Sent")));
            assertNull(store.get("ws2/Invoice Sent"));
        }
    }
}
