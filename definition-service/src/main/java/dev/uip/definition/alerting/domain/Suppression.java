package dev.uip.definition.alerting.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Whether an incident's notification is recorded only, and why: a maintenance window covering the event or the whole
 * workspace comes first, then a snooze, then the team's quiet hours, which never hold back a paging notification.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The suppression reason, or null when the notification is to be delivered. */
    public static String reason(Incident incident, List<MaintenanceWindow> windows, TeamQuietHours quietHours,
            Instant now) {
        MaintenanceWindow window = windows.stream().filter(w -> w.covers(incident.event(), now))
                .min(Comparator.comparing(MaintenanceWindow::startsAt).thenComparing(MaintenanceWindow::id))
                .orElse(null);
        if (window != null) {
            return "maintenance window " + window.id()
                    + (window.reason() == null || window.reason().isBlank() ? "" : ": " + window.reason());
        }
        if (incident.snoozedUntil() != null && incident.snoozedUntil().isAfter(now)) {
            return "snoozed until " + incident.snoozedUntil();
        }
        if (!incident.page() && quietHours != null && quietHours.covers(now)) {
            return quietHours.describe();
        }
        return null;
    }
}
