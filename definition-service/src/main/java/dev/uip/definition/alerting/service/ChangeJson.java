package dev.uip.definition.alerting.service;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.MaintenanceWindow;
import dev.uip.definition.alerting.domain.TeamQuietHours;

/** The before/after JSON of the inbox's change events. */
final class ChangeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeJson() {
    }

    static String incident(Incident incident, Instant now) {
        ObjectNode node = JSON.createObjectNode().put("id", incident.id()).put("event", incident.event())
                .put("callType", incident.callType()).put("rule", incident.rule())
                .put("status", incident.shown(now).apiName()).put("severity", incident.severity().name())
                .put("page", incident.page()).put("team", incident.team());
        node.put("snoozedUntil", text(incident.snoozedUntil()));
        node.put("acknowledgedBy", incident.acknowledgedBy()).put("resolvedBy", incident.resolvedBy())
                .put("note", incident.resolutionNote());
        return node.toString();
    }

    static String window(MaintenanceWindow window) {
        return JSON.createObjectNode().put("id", window.id()).put("event", window.event())
                .put("startsAt", text(window.startsAt())).put("endsAt", text(window.endsAt()))
                .put("reason", window.reason()).put("endedAt", text(window.endedAt())).toString();
    }

    static String quietHours(TeamQuietHours hours) {
        if (hours == null) {
            return null;
        }
        return JSON.createObjectNode().put("team", hours.team()).put("startHour", hours.startHour())
                .put("endHour", hours.endHour()).put("timeZone", hours.timeZone()).toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
