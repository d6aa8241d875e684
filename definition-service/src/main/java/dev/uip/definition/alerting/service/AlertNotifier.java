package dev.uip.definition.alerting.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.alerting.domain.AlertTexts;
import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.Suppression;
import dev.uip.definition.alerting.repository.QuietHoursStore;
import dev.uip.definition.alerting.repository.WindowStore;
import dev.uip.definition.notify.domain.Notification;
import dev.uip.definition.notify.domain.NotificationKind;
import dev.uip.definition.notify.repository.Notifications;

/**
 * Writes an incident's notifications (opened, severity rose, resolved) in the caller's transaction, with a
 * suppression reason when a maintenance window, a snooze or the team's quiet hours hold it back.
 */
@ApplicationScoped
public class AlertNotifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Notifications notifications;

    @Inject
    WindowStore windows;

    @Inject
    QuietHoursStore quietHours;

    public Uni<Boolean> opened(SqlConnection connection, Incident incident, Instant now) {
        return write(connection, incident, NotificationKind.ALERT_OPENED, "alert:" + incident.id() + ":opened",
                AlertTexts.openedTitle(incident), now);
    }

    public Uni<Boolean> repeated(SqlConnection connection, Incident incident, Instant now) {
        return write(connection, incident, NotificationKind.ALERT_REPEATED, "alert:" + incident.id() + ":repeated:"
                + incident.occurrences(), AlertTexts.repeatedTitle(incident), now);
    }

    public Uni<Boolean> resolved(SqlConnection connection, Incident incident, Instant now) {
        return write(connection, incident, NotificationKind.ALERT_RESOLVED, "alert:" + incident.id() + ":resolved",
                AlertTexts.resolvedTitle(incident), now);
    }

    private Uni<Boolean> write(SqlConnection connection, Incident incident, NotificationKind kind, String id,
            String title, Instant now) {
        return windows.covering(connection, incident.workspaceId(), incident.event(), now)
                .chain(covering -> (incident.team() == null
                        ? Uni.createFrom().<dev.uip.definition.alerting.domain.TeamQuietHours>nullItem()
                        : quietHours.of(connection, incident.workspaceId(), incident.team()))
                        .map(quiet -> Suppression.reason(incident, covering, quiet, now)))
                .chain(suppressed -> notifications.add(connection, new Notification(incident.workspaceId(), id, kind,
                        incident.team(), incident.event(), incident.severity(), incident.page(), title,
                        AlertTexts.body(title, incident), payload(kind, incident, now), suppressed, "ALERT",
                        incident.id(), now)));
    }

    /** What a webhook receives: the kind, the incident and relative links to it and to where it was delivered. */
    static ObjectNode payload(NotificationKind kind, Incident incident, Instant now) {
        ObjectNode payload = JSON.createObjectNode().put("kind", kind.name());
        ObjectNode body = payload.putObject("incident");
        body.put("id", incident.id()).put("event", incident.event()).put("callType", incident.callType())
                .put("rule", incident.rule()).put("detector", incident.detector())
                .put("direction", incident.direction()).put("status", incident.shown(now).apiName())
                .put("severity", incident.severity().name()).put("page", incident.page())
                .put("team", incident.team()).put("keyEvent", incident.keyEvent())
                .put("occurrences", incident.occurrences()).put("observed", incident.observed());
        if (incident.expected() == null) {
            body.putNull("expected");
        } else {
            body.put("expected", incident.expected());
        }
        body.putObject("window").put("start", incident.windowStart().toString()).put("end",
                incident.windowEnd().toString());
        body.put("openedAt", incident.openedAt().toString());
        body.put("resolvedAt", incident.resolvedAt() == null ? null : incident.resolvedAt().toString());
        body.put("resolvedBy", incident.resolvedBy());
        payload.putObject("links").put("incident", "/v1/alerts/" + incident.id()).put("deliveries",
                "/v1/notifications?subjectType=ALERT&subjectId=" + incident.id());
        return payload;
    }
}
