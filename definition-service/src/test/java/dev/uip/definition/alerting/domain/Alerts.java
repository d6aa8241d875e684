package dev.uip.definition.alerting.domain;

import java.time.Instant;

import dev.uip.definition.domain.AlertSeverity;

/** Detector alerts and incidents for the domain tests. */
final class Alerts {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private Alerts() {
    }

    static DetectorAlert opened(String alertId, AlertSeverity severity, double observed, Double expected) {
        return new DetectorAlert(alertId, "ws", "TRACK", "Checkout Completed", "payments", false, severity, "DROP",
                "seasonal", "LOW", true, observed, expected, T0, T0.plusSeconds(60), T0, null, "[]",
                T0.plusSeconds(61));
    }

    static Incident incident(AlertSeverity severity, boolean page) {
        return new Incident("ws", "inc-1", "TRACK", "Checkout Completed", "DROP", "seasonal", "LOW", "payments",
                false, severity, severity, page, IncidentStatus.OPEN, null, 1, "a-1", "a-1", 12, 70.0, T0,
                T0.plusSeconds(60), "[]", T0, T0, null, null, null, null, null, 1);
    }
}
