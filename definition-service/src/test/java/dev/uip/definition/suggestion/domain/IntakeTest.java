package dev.uip.definition.suggestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.uip.schemas.EventStats;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;

/** What feeds suggestions: tenant-controlled names, sizes and times are bounded before anything is stored. */
class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Intake intake = new Intake(100, Duration.ofDays(7));

    @Test
    void samplesAreKeptOnlyWithinBounds() {
        Intake.Result<UnplannedSample> result = intake.samples(List.of(
                raw("ok", MessageType.TRACK, "Signed Up", "{}", NOW),
                raw("page", MessageType.PAGE, "Home", "{}", NOW),
                raw("big", MessageType.TRACK, "Signed Up", "x".repeat(101), NOW),
                raw("nul", MessageType.TRACK, "Signed Up", "{\u0000}", NOW),
                raw("old", MessageType.TRACK, "Signed Up", "{}", NOW.minus(Duration.ofDays(7)).minusMillis(1)),
                raw("edge", MessageType.TRACK, "Signed Up", "{}", NOW.minus(Duration.ofDays(7))),
                raw("future", MessageType.TRACK, "Signed Up", "{}", NOW.plus(Duration.ofMinutes(61))),
                raw("long", MessageType.TRACK, "n".repeat(201), "{}", NOW),
                raw("ctl", MessageType.TRACK, "Signed\nUp", "{}", NOW),
                raw("", MessageType.TRACK, "Signed Up", "{}", NOW)), NOW);
        assertEquals(List.of("ok", "edge"), result.kept().stream().map(UnplannedSample::messageId).toList());
        assertEquals(Map.of("not_track", 1, "too_large", 1, "bad_payload", 1, "out_of_range", 2, "bad_name", 2,
                "bad_message_id", 1), result.ignored());
    }

    @Test
    void minutesCountUnplannedAndUnknownEventTrackStatsOnly() {
        Intake.Result<UnplannedMinute> result = intake.minutes(List.of(
                stats(MessageType.TRACK, "A", 5, Map.of("UNKNOWN_EVENT", 3L, "SCHEMA_VIOLATION", 9L)),
                stats(MessageType.TRACK, "Planned", 0, Map.of("SCHEMA_VIOLATION", 9L)),
                stats(MessageType.PAGE, "Home", 4, Map.of()),
                stats(MessageType.TRACK, "", 4, Map.of()),
                stats(MessageType.TRACK, "B", -5, Map.of("UNKNOWN_EVENT", 2L))), NOW);
        assertEquals(List.of(new UnplannedMinute("ws-1", "A", NOW, 5, 3), new UnplannedMinute("ws-1", "B", NOW, 0, 2)),
                result.kept());
        // Stats of planned events are not "left out": they were never about suggestions.
        assertEquals(Map.of("bad_name", 1), result.ignored());
    }

    @Test
    void trackableNames() {
        assertTrue(Intake.isTrackable("Order Completed"));
        assertTrue(Intake.isTrackable("n".repeat(200)));
        assertFalse(Intake.isTrackable("n".repeat(201)));
        assertFalse(Intake.isTrackable(" "));
        assertFalse(Intake.isTrackable(null));
        assertFalse(Intake.isTrackable("a\tb"));
    }

    private static RawUsageEvent raw(String messageId, MessageType type, String event, String payload, Instant at) {
        return RawUsageEvent.newBuilder().setWorkspaceId("ws-1").setMessageId(messageId).setType(type).setEvent(event)
                .setTimestamp(at).setReceivedAt(at).setPayload(payload).build();
    }

    private static EventStats stats(MessageType type, String event, long unplanned, Map<String, Long> byReason) {
        return EventStats.newBuilder().setWorkspaceId("ws-1").setType(type).setEvent(event).setMinute(NOW)
                .setValid(0).setWarned(0).setUnplanned(unplanned).setDerived(0).setReleased(0).setQuarantined(0)
                .setQuarantinedByReason(byReason).setDuplicates(0).setViolationRate(0).build();
    }
}
