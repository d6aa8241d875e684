package dev.uip.definition.alerting.domain;

import dev.uip.definition.domain.AlertSeverity;

/**
 * The default severity and paging of an incident. Severity is the highest of the detector's severity and, when the
 * event is a key event, its definition's criticality. An incident pages when its severity is at least
 * {@code pageAtLeast} and, unless {@code keyEventsOnly} is false, the event is a key event.
 */
public record PagingPolicy(AlertSeverity pageAtLeast, boolean keyEventsOnly) {

    public AlertSeverity severity(AlertSeverity detector, boolean keyEvent, AlertSeverity criticality) {
        if (keyEvent && criticality != null) {
            return max(detector, criticality);
        }
        return detector;
    }

    public boolean page(boolean keyEvent, AlertSeverity severity) {
        return (keyEvent || !keyEventsOnly) && severity.compareTo(pageAtLeast) >= 0;
    }

    public static AlertSeverity max(AlertSeverity a, AlertSeverity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
