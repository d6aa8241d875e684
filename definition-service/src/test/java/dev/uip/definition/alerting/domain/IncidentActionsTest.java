package dev.uip.definition.alerting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.AlertSeverity;

class IncidentActionsTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void acknowledgeThenResolve() {
        Incident acked = IncidentActions.acknowledge(Alerts.incident(AlertSeverity.LOW, false), "user:a", NOW);
        assertEquals(IncidentStatus.ACKNOWLEDGED, acked.status());
        assertEquals("user:a", acked.acknowledgedBy());
        Incident resolved = IncidentActions.resolve(acked, "user:b", "  fixed the tag  ", NOW);
        assertEquals(IncidentStatus.RESOLVED, resolved.status());
        assertEquals("user:b", resolved.resolvedBy());
        assertEquals("fixed the tag", resolved.resolutionNote());
        assertEquals(3, resolved.version());
    }

    @Test
    void invalidTransitionsAreConflicts() {
        Incident resolved = IncidentActions.resolve(Alerts.incident(AlertSeverity.LOW, false), "user:a", null, NOW);
        assertThrows(AlertConflictException.class, () -> IncidentActions.acknowledge(resolved, "user:a", NOW));
        assertThrows(AlertConflictException.class, () -> IncidentActions.resolve(resolved, "user:a", null, NOW));
        assertThrows(AlertConflictException.class, () -> IncidentActions.snooze(resolved, NOW.plusSeconds(60), NOW));
        Incident acked = IncidentActions.acknowledge(Alerts.incident(AlertSeverity.LOW, false), "user:a", NOW);
        assertThrows(AlertConflictException.class, () -> IncidentActions.acknowledge(acked, "user:a", NOW));
        assertThrows(AlertConflictException.class, () -> IncidentActions.unsnooze(acked, NOW));
    }

    @Test
    void aSnoozeReachesAtMostThirtyDaysAheadAndExpiresOnRead() {
        Incident open = Alerts.incident(AlertSeverity.LOW, false);
        assertThrows(InvalidAlertRequestException.class, () -> IncidentActions.snooze(open,
                NOW.plus(Duration.ofDays(30)).plusSeconds(1), NOW));
        assertThrows(InvalidAlertRequestException.class, () -> IncidentActions.snooze(open, NOW, NOW));
        Incident snoozed = IncidentActions.snooze(open, NOW.plus(Duration.ofDays(30)), NOW);
        assertEquals(ShownStatus.SNOOZED, snoozed.shown(NOW));
        assertEquals(ShownStatus.OPEN, snoozed.shown(NOW.plus(Duration.ofDays(30))));
        Incident acked = IncidentActions.acknowledge(snoozed, "user:a", NOW);
        assertEquals(ShownStatus.SNOOZED, acked.shown(NOW));
        assertEquals(ShownStatus.ACKNOWLEDGED, acked.shown(NOW.plus(Duration.ofDays(31))));
        assertEquals(ShownStatus.ACKNOWLEDGED, IncidentActions.unsnooze(acked, NOW).shown(NOW));
        // Once over, a snooze cannot be ended again.
        assertThrows(AlertConflictException.class, () -> IncidentActions.unsnooze(acked,
                NOW.plus(Duration.ofDays(31))));
    }

    @Test
    void aLongNoteIsBadInput() {
        assertThrows(InvalidAlertRequestException.class, () -> IncidentActions.resolve(Alerts.incident(
                AlertSeverity.LOW, false), "user:a", "x".repeat(1001), NOW));
    }
}
