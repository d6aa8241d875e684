package dev.uip.definition.alerting.domain;

import java.time.Instant;

import dev.uip.definition.domain.AlertSeverity;

/**
 * How detector alerts open and merge into incidents: a new incident takes the alert as it is; a repeat of an
 * unresolved incident adds one occurrence, keeps the latest alert's figures and window, and never lowers severity.
 */
public final class IncidentRules {

    private IncidentRules() {
    }

    /** The result of merging a repeat: the incident after it and whether its severity rose. */
    public record Merge(Incident incident, boolean severityRose) {
    }

    /** A new incident for an OPENED alert; the team is the alert's owner team, else the definition's owner. */
    public static Incident open(String id, DetectorAlert alert, DefinitionFacts facts, PagingPolicy policy,
            Instant now) {
        boolean keyEvent = keyEvent(alert, facts);
        AlertSeverity severity = policy.severity(alert.severity(), keyEvent, facts.criticality());
        return new Incident(alert.workspaceId(), id, alert.callType(), alert.event(), alert.rule(), alert.detector(),
                alert.direction(), team(alert, facts), keyEvent, alert.severity(), severity,
                policy.page(keyEvent, severity), IncidentStatus.OPEN, null, 1, alert.alertId(), alert.alertId(),
                alert.observed(), alert.expected(), alert.windowStart(), alert.windowEnd(), alert.breakdownJson(),
                now, now, null, null, null, null, null, 1);
    }

    /** An OPENED alert merged into the unresolved incident of its series and rule. */
    public static Merge merge(Incident incident, DetectorAlert alert, DefinitionFacts facts, PagingPolicy policy,
            Instant now) {
        boolean keyEvent = incident.keyEvent() || keyEvent(alert, facts);
        AlertSeverity alertSeverity = PagingPolicy.max(incident.alertSeverity(), alert.severity());
        AlertSeverity severity = PagingPolicy.max(incident.severity(),
                policy.severity(alert.severity(), keyEvent, facts.criticality()));
        boolean page = incident.page() || policy.page(keyEvent, severity);
        String team = incident.team() != null ? incident.team() : team(alert, facts);
        Incident merged = new Incident(incident.workspaceId(), incident.id(), incident.callType(), incident.event(),
                incident.rule(), alert.detector(), alert.direction(), team, keyEvent, alertSeverity, severity, page,
                incident.status(), incident.snoozedUntil(), incident.occurrences() + 1, incident.firstAlertId(),
                alert.alertId(), alert.observed(), alert.expected(), alert.windowStart(), alert.windowEnd(),
                alert.breakdownJson(), incident.openedAt(), now, incident.acknowledgedAt(),
                incident.acknowledgedBy(), null, null, null, incident.version() + 1);
        return new Merge(merged, severity.compareTo(incident.severity()) > 0);
    }

    /** Resolved by the detector (the caller checked that the incident is unresolved and none of its alerts open). */
    public static Incident resolvedByDetector(Incident incident, Instant at) {
        return incident.with(IncidentStatus.RESOLVED, incident.snoozedUntil(), incident.acknowledgedAt(),
                incident.acknowledgedBy(), at, Incident.DETECTOR, null);
    }

    /** The key event flag: the definition's when there is one, else what the alert says. */
    static boolean keyEvent(DetectorAlert alert, DefinitionFacts facts) {
        return facts == DefinitionFacts.NONE ? alert.keyEvent() : facts.keyEvent();
    }

    static String team(DetectorAlert alert, DefinitionFacts facts) {
        String team = alert.ownerTeam();
        return team != null && !team.isBlank() ? team : facts.ownerTeam();
    }
}
