package dev.uip.anomaly.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.uip.anomaly.domain.StatsPoint;
import dev.uip.anomaly.service.ValidationStats;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.EventStats;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * What validation made of each event's traffic, per minute: counted in the trend buckets from the validated,
 * quarantined and duplicates topics, and published on the stats topic once the minute closed, once.
 */
class ValidationStatsTest {

    static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    TopologyTestDriver driver;
    TestInputTopic<String, ValidatedUsageEvent> validated;
    TestInputTopic<String, QuarantinedUsageEvent> quarantined;
    TestInputTopic<String, RawUsageEvent> duplicates;
    TestOutputTopic<String, EventStats> stats;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(TestTopologies.anomaly(true), new Properties(), T0);
        validated = driver.createInputTopic(TestTopologies.VALIDATED_TOPIC, Serdes.String().serializer(),
                TestTopologies.VALIDATED.serializer());
        quarantined = driver.createInputTopic("quarantined", Serdes.String().serializer(),
                new AvroBinarySerde<>(QuarantinedUsageEvent.class).serializer());
        duplicates = driver.createInputTopic("duplicates", Serdes.String().serializer(),
                new AvroBinarySerde<>(RawUsageEvent.class).serializer());
        stats = driver.createOutputTopic("stats", Serdes.String().deserializer(),
                new AvroBinarySerde<>(EventStats.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    void pass(String event, Instant at, String... flags) {
        validated.pipeInput("ws1", ValidatedUsageEvent.newBuilder().setWorkspaceId("ws1")
                .setMessageId(UUID.randomUUID().toString()).setType(MessageType.TRACK).setEvent(event)
                .setTimestamp(at).setReceivedAt(at).setFlags(List.of(flags)).build(), at);
    }

    void quarantine(String event, Instant at, QuarantineReason reason) {
        QuarantinedUsageEvent q = TrendTopologyTest.quarantinedEvent("ws1", event, at);
        q.setReason(reason);
        quarantined.pipeInput("ws1", q, at);
    }

    void duplicate(String event, Instant at) {
        duplicates.pipeInput("ws1", RawUsageEvent.newBuilder().setWorkspaceId("ws1").setMessageId("m-1")
                .setType(MessageType.TRACK).setEvent(event).setTimestamp(at).setReceivedAt(at).setPayload("")
                .build(), at);
    }

    @Test
    void eachOutcomeIsCountedPerMinuteAndPublishedOnceTheMinuteClosed() {
        Instant in = T0.plusSeconds(10);
        pass("Signup", in);
        pass("Signup", in);
        pass("Signup", in, "SCHEMA_VIOLATION");
        pass("Signup", in, "RELEASED");
        quarantine("Signup", in, QuarantineReason.SCHEMA_VIOLATION);
        quarantine("Signup", in, QuarantineReason.SCHEMA_VIOLATION);
        quarantine("Signup", in, QuarantineReason.ARCHIVED_EVENT);
        duplicate("Signup", in);
        pass("Visited Billing", in, "DERIVED");
        pass("Legacy Thing", in, "UNPLANNED_EVENT");

        WindowStore<String, byte[]> buckets = driver.getWindowStore(TrendStores.BUCKETS);
        StatsPoint point = ValidationStats.point(T0, Bucket.decode(buckets.fetch(new SeriesId("ws1",
                MessageType.TRACK, "Signup").storeKey(), T0.toEpochMilli())));
        assertEquals(3, point.valid());
        assertEquals(1, point.warned());
        assertEquals(1, point.released());
        assertEquals(3, point.quarantined());
        assertEquals(Map.of("SCHEMA_VIOLATION", 2L, "ARCHIVED_EVENT", 1L), point.quarantinedByReason());
        assertEquals(1, point.duplicates());
        assertEquals(4.0 / 7, point.violationRate(), 1e-9);
        assertTrue(stats.isEmpty(), "nothing is published while the minute is open");

        driver.advanceWallClockTime(Duration.ofMinutes(2));
        Map<String, EventStats> published = new java.util.HashMap<>();
        stats.readValuesToList().forEach(s -> published.put(s.getEvent(), s));
        assertEquals(Map.of("Signup", 3L, "Visited Billing", 1L, "Legacy Thing", 1L),
                Map.of("Signup", published.get("Signup").getValid(), "Visited Billing", published
                        .get("Visited Billing").getValid(), "Legacy Thing",
                        published.get("Legacy Thing")
                                .getValid()));
        EventStats signup = published.get("Signup");
        assertEquals(T0, signup.getMinute());
        assertEquals(3, signup.getQuarantined());
        assertEquals(Map.of("SCHEMA_VIOLATION", 2L, "ARCHIVED_EVENT", 1L), signup.getQuarantinedByReason());
        assertEquals(1, signup.getDuplicates());
        assertEquals(1, published.get("Visited Billing").getDerived());
        assertEquals(1, published.get("Legacy Thing").getUnplanned());

        driver.advanceWallClockTime(Duration.ofMinutes(3));
        assertTrue(stats.isEmpty(), "a minute is published once, and quiet minutes not at all");
    }

    @Test
    void aDefinedEventWhoseTrafficTurnsInvalidRaisesAViolationRateAlertThatResolvesOnceItIsCleanAgain() {
        var definitions = driver.createInputTopic(TestTopologies.DEFINITIONS_TOPIC, Serdes.String().serializer(),
                TestTopologies.DEFINITIONS.serializer());
        definitions.pipeInput(DefinitionLookup.key("ws1", "Signup"), TrendTopologyTest.definition("ws1", "Signup",
                "high", "growth"));
        TestOutputTopic<String, AnomalyAlert> alerts = driver.createOutputTopic("alerts", Serdes.String()
                .deserializer(), new AvroBinarySerde<>(AnomalyAlert.class).deserializer());
        Instant minute = T0;
        // three minutes of 20 events, 6 of them quarantined (30 %)
        for (int m = 0; m < 3; m++, minute = minute.plusSeconds(60)) {
            for (int i = 0; i < 20; i++) {
                if (i < 6) {
                    quarantine("Signup", minute.plusSeconds(i), QuarantineReason.SCHEMA_VIOLATION);
                } else {
                    pass("Signup", minute.plusSeconds(i));
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(60));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        List<AnomalyAlert> opened = violationAlerts(alerts);
        assertEquals(1, opened.size(), "one open alert, not one per minute");
        AnomalyAlert alert = opened.get(0);
        assertEquals(AlertState.OPENED, alert.getState());
        assertEquals("growth", alert.getOwnerTeam());
        assertEquals(AlertSeverity.HIGH, alert.getSeverity());
        assertEquals(0.3, alert.getObserved(), 1e-9);

        // clean traffic: once the invalid minutes left the 5-minute window, it resolves
        for (int m = 0; m < 6; m++, minute = minute.plusSeconds(60)) {
            for (int i = 0; i < 20; i++) {
                pass("Signup", minute.plusSeconds(i));
            }
            driver.advanceWallClockTime(Duration.ofSeconds(60));
        }
        List<AnomalyAlert> later = violationAlerts(alerts);
        assertEquals(List.of(AlertState.RESOLVED), later.stream().map(AnomalyAlert::getState).toList());
        assertEquals(alert.getAlertId(), later.get(0).getAlertId());
    }

    static List<AnomalyAlert> violationAlerts(TestOutputTopic<String, AnomalyAlert> alerts) {
        return alerts.readValuesToList().stream().filter(a -> a.getRule().equals("VIOLATION_RATE")).toList();
    }

    @Test
    void aDuplicateCountsOnlyAsADuplicateAndNeverStartsASeries() {
        pass("Signup", T0.plusSeconds(5));
        duplicate("Signup", T0.plusSeconds(6));
        duplicate("Never Seen", T0.plusSeconds(7));

        WindowStore<String, byte[]> buckets = driver.getWindowStore(TrendStores.BUCKETS);
        Bucket signup = Bucket.decode(buckets.fetch(new SeriesId("ws1", MessageType.TRACK, "Signup").storeKey(),
                T0.toEpochMilli()));
        assertEquals(1, signup.count(), "a copy is not an event of the trend");
        assertEquals(1, signup.duplicates());
        assertEquals(null, driver.getKeyValueStore(TrendStores.SERIES).get(new SeriesId("ws1", MessageType.TRACK,
                "Never Seen").storeKey()));
    }
}
