package dev.uip.definition.alerting.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.uip.definition.alerting.domain.AlertTexts;
import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentHistory;
import dev.uip.definition.alerting.domain.MaintenanceWindow;
import dev.uip.definition.alerting.domain.ShownStatus;
import dev.uip.definition.alerting.domain.TeamQuietHours;
import dev.uip.definition.domain.AlertSeverity;

/** The JSON shapes of the alert inbox's API. */
final class AlertViews {

    private AlertViews() {
    }

    /** An incident as listed; {@code status} is open, acknowledged, snoozed (until snoozedUntil) or resolved. */
    record IncidentView(String id, String title, String event, String callType, String rule, String detector,
            String direction, String team, boolean keyEvent, ShownStatus status, AlertSeverity severity,
            boolean page, int occurrences, double observed, Double expected, Instant windowStart, Instant windowEnd,
            @JsonRawValue String breakdown, Instant openedAt, Instant lastSeenAt, Instant snoozedUntil,
            Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
            String resolutionNote, Links links) {

        static IncidentView of(Incident i, Instant now) {
            return new IncidentView(i.id(), AlertTexts.openedTitle(i), i.event(), i.callType(), i.rule(),
                    i.detector(), i.direction(), i.team(), i.keyEvent(), i.shown(now), i.severity(), i.page(),
                    i.occurrences(), i.observed(), i.expected(), i.windowStart(), i.windowEnd(), i.breakdownJson(),
                    i.openedAt(), i.lastSeenAt(), i.snoozed(now) ? i.snoozedUntil() : null, i.acknowledgedAt(),
                    i.acknowledgedBy(), i.resolvedAt(), i.resolvedBy(), i.resolutionNote(), Links.of(i.id()));
        }
    }

    /** Relative links: the incident and where its notifications were delivered (the notify API). */
    record Links(String self, String deliveries) {

        static Links of(String id) {
            return new Links("/v1/alerts/" + id, "/v1/notifications?subjectType=ALERT&subjectId=" + id);
        }
    }

    /** A page of incidents; {@code nextCursor} is null on the last page. */
    record IncidentPage(List<IncidentView> items, String nextCursor) {
    }

    /** One incident with its alert records and actions, newest first. */
    record IncidentDetail(IncidentView incident, List<IncidentHistory.Occurrence> occurrences,
            List<IncidentHistory.Action> actions) {

        static IncidentDetail of(IncidentHistory history, Instant now) {
            return new IncidentDetail(IncidentView.of(history.incident(), now), history.occurrences(),
                    history.actions());
        }
    }

    /** A maintenance window; {@code active}: in force now. */
    record WindowView(String id, String event, Instant startsAt, Instant endsAt, String reason, String createdBy,
            Instant createdAt, Instant endedAt, String endedBy, boolean active) {

        static WindowView of(MaintenanceWindow w, Instant now) {
            return new WindowView(w.id(), w.event(), w.startsAt(), w.endsAt(), w.reason(), w.createdBy(),
                    w.createdAt(), w.endedAt(), w.endedBy(), w.active(now));
        }
    }

    record QuietHoursView(String team, int startHour, int endHour, String timeZone) {

        static QuietHoursView of(TeamQuietHours hours) {
            return new QuietHoursView(hours.team(), hours.startHour(), hours.endHour(), hours.timeZone());
        }
    }
}
