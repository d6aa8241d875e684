package dev.uip.definition.alerting.domain;

import java.time.Instant;

import dev.uip.definition.domain.AlertSeverity;

/**
 * An incident of the alert inbox: the detector's alerts of one series and rule while unresolved, merged into one,
 * and what people did about it.
 *
 * @param alertSeverity the highest severity the detector gave any merged alert
 * @param severity the incident's severity (see {@link PagingPolicy})
 * @param resolvedBy {@code detector} or the actor who resolved it
 * @param version one more for each change of the incident
 */
public record Incident(String workspaceId, String id, String callType, String event, String rule, String detector,
        String direction, String team, boolean keyEvent, AlertSeverity alertSeverity, AlertSeverity severity,
        boolean page, IncidentStatus status, Instant snoozedUntil, int occurrences, String firstAlertId,
        String lastAlertId, double observed, Double expected, Instant windowStart, Instant windowEnd,
        String breakdownJson, Instant openedAt, Instant lastSeenAt, Instant acknowledgedAt, String acknowledgedBy,
        Instant resolvedAt, String resolvedBy, String resolutionNote, int version) {

    /** Who resolved an incident when the detector did. */
    public static final String DETECTOR = "detector";

    public ShownStatus shown(Instant now) {
        return ShownStatus.of(status, snoozedUntil, now);
    }

    public boolean snoozed(Instant now) {
        return status != IncidentStatus.RESOLVED && snoozedUntil != null && snoozedUntil.isAfter(now);
    }

    Incident with(IncidentStatus newStatus, Instant newSnooze, Instant ackAt, String ackBy, Instant resAt,
            String resBy, String note) {
        return new Incident(workspaceId, id, callType, event, rule, detector, direction, team, keyEvent,
                alertSeverity, severity, page, newStatus, newSnooze, occurrences, firstAlertId, lastAlertId, observed,
                expected, windowStart, windowEnd, breakdownJson, openedAt, lastSeenAt, ackAt, ackBy, resAt, resBy,
                note, version + 1);
    }
}
