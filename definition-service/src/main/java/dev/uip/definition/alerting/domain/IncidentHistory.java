package dev.uip.definition.alerting.domain;

import java.time.Instant;
import java.util.List;

/** An incident with what happened to it: the detector's alert records and the actions people took. */
public record IncidentHistory(Incident incident, List<Occurrence> occurrences, List<Action> actions) {

    /** One alert record the detector sent (OPENED or RESOLVED) and what it did to the incident. */
    public record Occurrence(String alertId, String state, String outcome, String detector, String severity,
            double observed, Double expected, Instant windowStart, Instant windowEnd, Instant emittedAt,
            Instant consumedAt) {
    }

    /** One action: ACKNOWLEDGED, RESOLVED, SNOOZED or UNSNOOZED, by whom and when. */
    public record Action(String action, String actor, String note, Instant snoozedUntil, Instant at) {
    }
}
