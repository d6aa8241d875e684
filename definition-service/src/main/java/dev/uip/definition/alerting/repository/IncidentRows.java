package dev.uip.definition.alerting.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentStatus;
import dev.uip.definition.domain.AlertSeverity;

/** Reads incident rows into {@link Incident} and binds an incident's columns. */
final class IncidentRows {

    /** The columns {@link #incident(Row)} reads, in the order {@link #tuple(Incident)} binds them. */
    static final String COLUMNS = "workspace_id, id, call_type, event_name, rule, detector, direction, team,"
            + " key_event, alert_severity, severity, page, status, snoozed_until, occurrences, first_alert_id,"
            + " last_alert_id, observed, expected, window_start, window_end, breakdown::text as breakdown, opened_at,"
            + " last_seen_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, resolution_note, version";

    private IncidentRows() {
    }

    static Incident incident(Row row) {
        return new Incident(row.getString("workspace_id"), row.getString("id"), row.getString("call_type"),
                row.getString("event_name"), row.getString("rule"), row.getString("detector"),
                row.getString("direction"), row.getString("team"), row.getBoolean("key_event"),
                AlertSeverity.valueOf(row.getString("alert_severity")), AlertSeverity.valueOf(row.getString(
                        "severity")),
                row.getBoolean("page"), IncidentStatus.valueOf(row.getString("status")),
                instant(row, "snoozed_until"), row.getInteger("occurrences"), row.getString("first_alert_id"),
                row.getString("last_alert_id"), row.getDouble("observed"), row.getDouble("expected"),
                instant(row, "window_start"), instant(row, "window_end"), row.getString("breakdown"),
                instant(row, "opened_at"), instant(row, "last_seen_at"), instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"), instant(row, "resolved_at"), row.getString("resolved_by"),
                row.getString("resolution_note"), row.getInteger("version"));
    }

    /** The 30 column values of {@code incident}, $1..$30 in {@link #COLUMNS}' order. */
    static Tuple tuple(Incident i) {
        return Tuple.tuple().addString(i.workspaceId()).addString(i.id()).addString(i.callType())
                .addString(i.event()).addString(i.rule()).addString(i.detector()).addString(i.direction())
                .addString(i.team()).addBoolean(i.keyEvent()).addString(i.alertSeverity().name())
                .addString(i.severity().name()).addBoolean(i.page()).addString(i.status().name())
                .addOffsetDateTime(time(i.snoozedUntil())).addInteger(i.occurrences()).addString(i.firstAlertId())
                .addString(i.lastAlertId()).addDouble(i.observed()).addDouble(i.expected())
                .addOffsetDateTime(time(i.windowStart())).addOffsetDateTime(time(i.windowEnd()))
                .addString(i.breakdownJson()).addOffsetDateTime(time(i.openedAt()))
                .addOffsetDateTime(time(i.lastSeenAt())).addOffsetDateTime(time(i.acknowledgedAt()))
                .addString(i.acknowledgedBy()).addOffsetDateTime(time(i.resolvedAt())).addString(i.resolvedBy())
                .addString(i.resolutionNote()).addInteger(i.version());
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
