package dev.uip.definition.alerting.domain;

import java.time.Duration;
import java.time.Instant;

/** What people may do to an incident, and when a request is a conflict (409) or bad input (400). */
public final class IncidentActions {

    /** How far ahead a snooze may reach. */
    public static final Duration MAX_SNOOZE = Duration.ofDays(30);

    /** Longest resolution note. */
    public static final int MAX_NOTE_LENGTH = 1000;

    private IncidentActions() {
    }

    public static Incident acknowledge(Incident incident, String actor, Instant now) {
        if (incident.status() != IncidentStatus.OPEN) {
            throw new AlertConflictException("the incident is " + incident.shown(now).apiName()
                    + "; only an open incident can be acknowledged");
        }
        return incident.with(IncidentStatus.ACKNOWLEDGED, incident.snoozedUntil(), now, actor, null, null, null);
    }

    public static Incident resolve(Incident incident, String actor, String note, Instant now) {
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidAlertRequestException("note", "note must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        if (incident.status() == IncidentStatus.RESOLVED) {
            throw new AlertConflictException("the incident is resolved already");
        }
        return incident.with(IncidentStatus.RESOLVED, incident.snoozedUntil(), incident.acknowledgedAt(),
                incident.acknowledgedBy(), now, actor, note == null || note.isBlank() ? null : note.strip());
    }

    public static Incident snooze(Incident incident, Instant until, Instant now) {
        checkSnooze(until, now);
        if (incident.status() == IncidentStatus.RESOLVED) {
            throw new AlertConflictException("the incident is resolved; a resolved incident cannot be snoozed");
        }
        return incident.with(incident.status(), until, incident.acknowledgedAt(), incident.acknowledgedBy(), null,
                null, null);
    }

    public static Incident unsnooze(Incident incident, Instant now) {
        if (!incident.snoozed(now)) {
            throw new AlertConflictException("the incident is " + incident.shown(now).apiName() + ", not snoozed");
        }
        return incident.with(incident.status(), null, incident.acknowledgedAt(), incident.acknowledgedBy(), null,
                null, null);
    }

    /** A snooze ends in the future, at most {@link #MAX_SNOOZE} ahead. */
    public static void checkSnooze(Instant until, Instant now) {
        if (until == null) {
            throw new InvalidAlertRequestException("until", "until (an ISO-8601 instant) is required");
        }
        if (!until.isAfter(now)) {
            throw new InvalidAlertRequestException("until", "until must lie in the future");
        }
        if (until.isAfter(now.plus(MAX_SNOOZE))) {
            throw new InvalidAlertRequestException("until", "a snooze reaches at most 30 days ahead");
        }
    }
}
