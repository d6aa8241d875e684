package dev.uip.anomaly.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.Dimension;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.anomaly.trend.SeriesMeta;
import dev.uip.schemas.AlertContribution;
import dev.uip.schemas.AlertRuleKind;
import dev.uip.schemas.AlertRuleSensitivity;
import dev.uip.schemas.AlertRuleSeverity;
import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * The trend and detection topology with a driven wall clock: bucket edges, rollups, every call type, bounded
 * breakdowns, late and too-late events, silence judged on wall-clock time, and the alerts it publishes.
 */
class TrendTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final AvroBinarySerde<ValidatedUsageEvent> VALIDATED = new AvroBinarySerde<>(ValidatedUsageEvent.class);
    static final AvroBinarySerde<QuarantinedUsageEvent> QUARANTINED = new AvroBinarySerde<>(
            QuarantinedUsageEvent.class);
    static final AvroBinarySerde<EventDefinitionState> DEFINITIONS = new AvroBinarySerde<>(EventDefinitionState.class);
    static final AvroBinarySerde<AnomalyAlert> ALERTS = new AvroBinarySerde<>(AnomalyAlert.class);
    static final AvroBinarySerde<AlertRuleState> RULES = new AvroBinarySerde<>(AlertRuleState.class);

    static final String IOS = "{\"os\":{\"name\":\"iOS\"}}";
    static final String ANDROID = "{\"os\":{\"name\":\"Android\"}}";

    TopologyTestDriver driver;
    TestInputTopic<String, ValidatedUsageEvent> validated;
    TestInputTopic<String, QuarantinedUsageEvent> quarantined;
    TestInputTopic<String, EventDefinitionState> definitions;
    TestInputTopic<String, AlertRuleState> rules;
    TestOutputTopic<String, AnomalyAlert> alerts;
    long driverElapsed;

    @BeforeEach
    void start() {
        start(new TestTrendSettings());
    }

    void start(TestTrendSettings settings) {
        if (driver != null) {
            driver.close();
        }
        driverElapsed = 0;
        driver = new TopologyTestDriver(TestTopologies.trends(settings, true).build(TestTopologies.VALIDATED_TOPIC,
                VALIDATED, TestTopologies.DEFINITIONS_TOPIC), new Properties(), T0);
        validated = driver.createInputTopic("validated", Serdes.String().serializer(), VALIDATED.serializer());
        quarantined = driver.createInputTopic("quarantined", Serdes.String().serializer(),
                QUARANTINED.serializer());
        definitions = driver.createInputTopic("defs", Serdes.String().serializer(), DEFINITIONS.serializer());
        rules = driver.createInputTopic("alert-rules", Serdes.String().serializer(), RULES.serializer());
        alerts = driver.createOutputTopic("alerts", Serdes.String().deserializer(), ALERTS.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void countsEachMinuteInItsBucketAndRollsUpToHoursAndDays() {
        send(track("ws1", "Invoice Sent", T0.plusMillis(59_999), null));
        send(track("ws1", "Invoice Sent", T0.plusSeconds(60), null));
        send(track("ws1", "Invoice Sent", T0.plusSeconds(3600), null));

        String key = new SeriesId("ws1", MessageType.TRACK, "Invoice Sent").storeKey();
        assertEquals(1, bucket(TrendStores.BUCKETS, key, T0).count());
        assertEquals(1, bucket(TrendStores.BUCKETS, key, T0.plusSeconds(60)).count());
        assertEquals(2, bucket(TrendStores.HOURS, key, T0).count());
        assertEquals(1, bucket(TrendStores.HOURS, key, T0.plusSeconds(3600)).count());
        assertEquals(3, bucket(TrendStores.DAYS, key, Instant.parse("2026-11-23T00:00:00Z")).count());
    }

    @Test
    void countsEveryCallTypeInItsOwnSeries() {
        ValidatedUsageEvent page = event("ws1", MessageType.PAGE, null, T0.plusSeconds(1), null);
        page.setName("Pricing");
        send(page);
        send(event("ws1", MessageType.SCREEN, null, T0.plusSeconds(2), null));
        send(event("ws1", MessageType.IDENTIFY, null, T0.plusSeconds(3), null));
        send(event("ws1", MessageType.IDENTIFY, null, T0.plusSeconds(4), null));

        assertEquals(1, bucket(TrendStores.BUCKETS, "ws1/PAGE/Pricing", T0).count());
        assertEquals(1, bucket(TrendStores.BUCKETS, "ws1/SCREEN/", T0).count());
        assertEquals(2, bucket(TrendStores.BUCKETS, "ws1/IDENTIFY/", T0).count());
    }

    @Test
    void breaksCountsDownByTheTrackedTopValuesAndCountsTheRestAsOther() {
        start(new TestTrendSettings(3, 10_000));
        for (int i = 0; i < 5; i++) {
            send(track("ws1", "Signup", T0.plusSeconds(i), "{\"app\":{\"version\":\"1.3." + i
                    + "\"},\"os\":{\"name\":\"iOS\"},\"library\":{\"name\":\"analytics-ios\",\"version\":\"4.1\"}}"));
        }
        Bucket bucket = bucket(TrendStores.BUCKETS, "ws1/TRACK/Signup", T0);
        assertEquals(Map.of("1.3.0", 1L, "1.3.1", 1L, "1.3.2", 1L, Dimension.OTHER, 2L),
                bucket.breakdown(Dimension.APP_VERSION));
        assertEquals(Map.of("iOS", 5L), bucket.breakdown(Dimension.PLATFORM));
        assertEquals(Map.of("analytics-ios 4.1", 5L), bucket.breakdown(Dimension.LIBRARY));
    }

    @Test
    void countsALateEventInItsBucketAndOneTooOldForAnyBucketAsTooLate() {
        send(track("ws1", "Signup", T0.plusSeconds(10), null));
        driver.advanceWallClockTime(Duration.ofMinutes(5)); // 12:00 .. 12:03 are judged
        send(track("ws1", "Signup", T0.plusSeconds(20), null)); // late for detection, still in the trend
        send(track("ws1", "Signup", T0.minus(Duration.ofDays(500)), null)); // older than every rollup kept

        String key = "ws1/TRACK/Signup";
        assertEquals(2, bucket(TrendStores.BUCKETS, key, T0).count());
        SeriesMeta meta = meta(key);
        assertEquals(1, meta.late);
        assertEquals(1, meta.tooLate);
    }

    @Test
    void countsQuarantinedEventsApartFromValidOnes() {
        send(track("ws1", "Signup", T0.plusSeconds(10), null));
        quarantined.pipeInput(null, quarantinedEvent("ws1", "Signup", T0.plusSeconds(11)), T0.plusSeconds(11));

        Bucket bucket = bucket(TrendStores.BUCKETS, "ws1/TRACK/Signup", T0);
        assertEquals(1, bucket.count());
        assertEquals(1, bucket.quarantined());
        assertTrue(meta("ws1/TRACK/Signup").lastQuarantined >= T0.toEpochMilli());
    }

    @Test
    void aKeyEventThatStopsOpensAStoppedAlertOnWallClockTimeAndResolvesWhenItResumes() {
        definitions.pipeInput("ws1/Checkout", definition("ws1", "Checkout", "critical", "payments"));
        Instant now = T0;
        for (int minute = 0; minute < 180; minute++) {
            for (int i = 0; i < 30; i++) {
                send(track("ws1", "Checkout", now.plusSeconds(i * 2L), null));
            }
            now = now.plusSeconds(60);
            advanceTo(now);
        }
        assertTrue(alerts.isEmpty(), "a steady event raises nothing");
        Instant stoppedAt = now;
        List<AnomalyAlert> opened = new ArrayList<>();
        for (int minute = 0; minute < 5 && opened.isEmpty(); minute++) {
            now = now.plusSeconds(60);
            advanceTo(now);
            alerts.readValuesToList().forEach(opened::add);
        }
        assertFalse(opened.isEmpty(), "no alert within 5 minutes of silence");
        AnomalyAlert alert = opened.get(0);
        Duration delay = Duration.between(stoppedAt, now);
        assertTrue(delay.compareTo(Duration.ofMinutes(3)) <= 0, "alert after " + delay);
        assertEquals(AlertState.OPENED, alert.getState());
        assertEquals("STOPPED", alert.getRule());
        assertEquals("Checkout", alert.getEvent());
        assertEquals("payments", alert.getOwnerTeam());
        assertEquals(AlertSeverity.CRITICAL, alert.getSeverity());
        assertEquals(0.0, alert.getObserved());
        KeyValueStore<String, byte[]> stored = driver.getKeyValueStore(TrendStores.ALERTS);
        assertEquals(alert, AlertCodec.decodeOrNull(stored.get("ws1/" + alert.getAlertId())));

        List<AnomalyAlert> resolved = new ArrayList<>();
        for (int minute = 0; minute < 30 && resolved.isEmpty(); minute++) {
            for (int i = 0; i < 30; i++) {
                send(track("ws1", "Checkout", now.plusSeconds(i * 2L), null));
            }
            now = now.plusSeconds(60);
            advanceTo(now);
            alerts.readValuesToList().stream().filter(a -> a.getState() == AlertState.RESOLVED)
                    .forEach(resolved::add);
        }
        assertFalse(resolved.isEmpty(), "the alert never resolved");
        assertEquals(alert.getAlertId(), resolved.get(0).getAlertId());
    }

    @Test
    void historySentLateIsJudgedOnceItIsInNotAsSilenceBeforeItArrives() {
        definitions.pipeInput("ws1/Import", definition("ws1", "Import", "high", "data"));
        Instant now = T0.plus(Duration.ofMinutes(60));
        advanceTo(now);
        // an import of the last hour (30 events a minute), with the clock ticking while it is read
        Instant at = T0;
        while (at.isBefore(now)) {
            for (int i = 0; i < 30; i++) {
                validated.pipeInput(null, track("ws1", "Import", at.plusSeconds(i * 2L), null), now);
            }
            at = at.plusSeconds(60);
            driver.advanceWallClockTime(Duration.ofSeconds(5));
            driverElapsed += 5_000;
            now = now.plusSeconds(5);
        }
        assertTrue(alerts.isEmpty(), "alerts while the history arrived: " + alerts.readValuesToList());
        SeriesMeta meta = meta("ws1/TRACK/Import");
        assertEquals(0, meta.late, "buckets judged before their history arrived");
        // the import ends; the event is silent since: called stopped within minutes
        List<AnomalyAlert> opened = new ArrayList<>();
        for (int minute = 0; minute < 5 && opened.isEmpty(); minute++) {
            now = now.plusSeconds(60);
            advanceTo(now);
            opened.addAll(alerts.readValuesToList());
        }
        assertEquals(List.of("STOPPED"), opened.stream().map(AnomalyAlert::getRule).toList());
    }

    @Test
    void anEventThatSentNothingIsNotCalledStoppedAndAnArchivedOneIsNotWatched() {
        definitions.pipeInput("ws1/Export", definition("ws1", "Export", "high", "reports"));
        EventDefinitionState archived = definition("ws1", "Export", "high", "reports");
        Instant now = T0;
        for (int minute = 0; minute < 120; minute++) {
            for (int i = 0; i < 20; i++) {
                send(track("ws1", "Export", now.plusSeconds(i * 3L), null));
            }
            now = now.plusSeconds(60);
            advanceTo(now);
        }
        archived.setStatus(DefinitionStatus.ARCHIVED);
        definitions.pipeInput("ws1/Export", archived);
        for (int minute = 0; minute < 10; minute++) {
            now = now.plusSeconds(60);
            advanceTo(now);
        }
        assertTrue(alerts.isEmpty(), "an archived event is not watched: " + alerts.readValuesToList());
    }

    @Test
    void aStoredRuleReplacesTheDefaultOfItsKind() {
        definitions.pipeInput("ws1/Checkout", definition("ws1", "Checkout", "low", "payments"));
        AlertRuleState off = rule("STOPPED", false, null, null);
        rules.pipeInput("ws1/TRACK/Checkout/STOPPED", off);
        AlertRuleState above = rule("ABOVE", true, 45.0, AlertRuleSeverity.CRITICAL);
        rules.pipeInput("ws1/TRACK/Checkout/ABOVE", above);
        Instant now = T0;
        for (int minute = 0; minute < 60; minute++) {
            for (int i = 0; i < 30; i++) {
                send(track("ws1", "Checkout", now.plusSeconds(i), IOS));
            }
            if (minute == 40) { // the extra events all come from Android
                for (int i = 0; i < 30; i++) {
                    send(track("ws1", "Checkout", now.plusSeconds(30 + i), ANDROID));
                }
            }
            now = now.plusSeconds(60);
            advanceTo(now);
        }
        for (int minute = 0; minute < 10; minute++) { // silence: the STOPPED rule is switched off
            now = now.plusSeconds(60);
            advanceTo(now);
        }
        List<AnomalyAlert> raised = alerts.readValuesToList();
        assertEquals(List.of("ABOVE"), raised.stream().filter(a -> a.getState() == AlertState.OPENED)
                .map(AnomalyAlert::getRule).toList(), raised.toString());
        AnomalyAlert opened = raised.get(0);
        assertEquals(AlertSeverity.CRITICAL, opened.getSeverity());
        assertEquals(60.0, opened.getObserved());
        assertEquals(T0.plusSeconds(40 * 60), opened.getWindowStart());
        // where the change happened: Android, usually absent, sent 30 in that window
        AlertContribution top = opened.getBreakdown().get(0);
        assertEquals(List.of("platform", "Android", 30.0, 0.0), List.of(top.getDimension(), top.getValue(),
                top.getObserved(), top.getExpected()));
    }

    private static AlertRuleState rule(String kind, boolean enabled, Double threshold, AlertRuleSeverity severity) {
        return AlertRuleState.newBuilder().setWorkspaceId("ws1").setCallType(MessageType.TRACK).setEvent("Checkout")
                .setKind(AlertRuleKind.valueOf(kind)).setEnabled(enabled)
                .setSensitivity(AlertRuleSensitivity.MEDIUM).setMinVolume(0).setWindowMinutes(1)
                .setThreshold(threshold).setSeverity(severity).setVersion(1).setDeleted(false).setUpdatedAt(T0)
                .setActor("test").build();
    }

    private void advanceTo(Instant instant) {
        // in 5-second steps, as the punctuation would run
        long now = T0.toEpochMilli() + driverElapsed;
        while (now + 5_000 <= instant.toEpochMilli()) {
            driver.advanceWallClockTime(Duration.ofSeconds(5));
            now += 5_000;
            driverElapsed += 5_000;
        }
    }

    private void send(ValidatedUsageEvent event) {
        validated.pipeInput(null, event, event.getReceivedAt());
    }

    private Bucket bucket(String store, String key, Instant start) {
        WindowStore<String, byte[]> windows = driver.getWindowStore(store);
        return Bucket.decode(windows.fetch(key, start.toEpochMilli()));
    }

    private SeriesMeta meta(String key) {
        KeyValueStore<String, byte[]> series = driver.getKeyValueStore(TrendStores.SERIES);
        byte[] bytes = series.get(key);
        assertNotNull(bytes, "no series " + key);
        return SeriesMeta.decode(bytes);
    }

    static ValidatedUsageEvent track(String workspace, String name, Instant at, String context) {
        return event(workspace, MessageType.TRACK, name, at, context);
    }

    static ValidatedUsageEvent event(String workspace, MessageType type, String name, Instant at, String context) {
        return ValidatedUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString())
                .setType(type).setEvent(name).setTimestamp(at).setReceivedAt(at.plusMillis(200)).setContext(context)
                .build();
    }

    static QuarantinedUsageEvent quarantinedEvent(String workspace, String name, Instant at) {
        RawUsageEvent raw = RawUsageEvent.newBuilder().setWorkspaceId(workspace)
                .setMessageId(UUID.randomUUID().toString()).setType(MessageType.TRACK).setEvent(name)
                .setTimestamp(at).setReceivedAt(at).setPayload("{}").build();
        return QuarantinedUsageEvent.newBuilder().setRaw(raw).setReason(QuarantineReason.SCHEMA_VIOLATION)
                .setQuarantinedAt(at).build();
    }

    static EventDefinitionState definition(String workspace, String name, String criticality, String owner) {
        return EventDefinitionState.newBuilder().setWorkspaceId(workspace).setName(name)
                .setStatus(DefinitionStatus.ACTIVE).setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(true)
                .setCriticality(criticality).setOwnerTeam(owner).setVersion(1).setUpdatedAt(T0).build();
    }
}
