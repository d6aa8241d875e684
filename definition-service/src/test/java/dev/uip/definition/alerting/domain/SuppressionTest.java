package dev.uip.definition.alerting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.AlertSeverity;

class SuppressionTest {

    // 23:30 in Paris (UTC+1 in November).
    static final Instant NIGHT = Instant.parse("2026-11-27T22:30:00Z");
    static final Instant DAY = Instant.parse("2026-11-27T12:00:00Z");
    static final TeamQuietHours QUIET = TeamQuietHours.of("payments", 22, 7, "Europe/Paris");

    static MaintenanceWindow window(String id, String event, Instant from, Instant to) {
        return new MaintenanceWindow(id, event, from, to, "deploy", "user:a", from, null, null);
    }

    @Test
    void nothingAppliesInTheDay() {
        assertNull(Suppression.reason(Alerts.incident(AlertSeverity.LOW, false), List.of(), QUIET, DAY));
    }

    @Test
    void aWindowForTheEventOrTheWorkspaceSuppresses() {
        Incident incident = Alerts.incident(AlertSeverity.LOW, true);
        assertEquals("maintenance window w1: deploy", Suppression.reason(incident, List.of(window("w1",
                "Checkout Completed", DAY.minusSeconds(60), DAY.plusSeconds(60))), null, DAY));
        assertEquals("maintenance window w2: deploy", Suppression.reason(incident, List.of(window("w2", null,
                DAY.minusSeconds(60), DAY.plusSeconds(60))), null, DAY));
    }

    @Test
    void aWindowOfAnotherEventOrTimeOrEndedDoesNot() {
        Incident incident = Alerts.incident(AlertSeverity.LOW, false);
        MaintenanceWindow ended = new MaintenanceWindow("w4", null, DAY.minusSeconds(60), DAY.plusSeconds(60), null,
                "user:a", DAY, DAY.minusSeconds(1), "user:a");
        assertNull(Suppression.reason(incident, List.of(window("w1", "Other", DAY.minusSeconds(60),
                DAY.plusSeconds(60)), window("w2", null, DAY.plusSeconds(1), DAY.plusSeconds(60)),
                window("w3", null,
                        DAY.minusSeconds(60), DAY),
                ended), null, DAY));
    }

    @Test
    void quietHoursWrapMidnightAndSpareAPage() {
        assertEquals("quiet hours 22-07 Europe/Paris", Suppression.reason(Alerts.incident(AlertSeverity.LOW, false),
                List.of(), QUIET, NIGHT));
        assertEquals("quiet hours 22-07 Europe/Paris", Suppression.reason(Alerts.incident(AlertSeverity.LOW, false),
                List.of(), QUIET, Instant.parse("2026-11-28T05:59:00Z")));
        assertNull(Suppression.reason(Alerts.incident(AlertSeverity.LOW, false), List.of(), QUIET,
                Instant.parse("2026-11-28T06:00:00Z")));
        assertNull(Suppression.reason(Alerts.incident(AlertSeverity.HIGH, true), List.of(), QUIET, NIGHT));
    }

    @Test
    void aSnoozeSuppressesEvenAPageUntilItEnds() {
        Incident snoozed = IncidentActions.snooze(Alerts.incident(AlertSeverity.HIGH, true), DAY.plusSeconds(600),
                DAY);
        assertEquals("snoozed until " + DAY.plusSeconds(600), Suppression.reason(snoozed, List.of(), null, DAY));
        assertNull(Suppression.reason(snoozed, List.of(), null, DAY.plusSeconds(600)));
    }

    @Test
    void aWindowComesBeforeASnooze() {
        Incident snoozed = IncidentActions.snooze(Alerts.incident(AlertSeverity.HIGH, true), DAY.plusSeconds(600),
                DAY);
        assertEquals("maintenance window w1: deploy", Suppression.reason(snoozed, List.of(window("w1", null,
                DAY.minusSeconds(1), DAY.plusSeconds(1))), QUIET, DAY));
    }
}
