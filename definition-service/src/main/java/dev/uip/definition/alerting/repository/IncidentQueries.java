package dev.uip.definition.alerting.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentFilter;
import dev.uip.definition.alerting.domain.IncidentHistory;
import dev.uip.definition.alerting.domain.ShownStatus;

/** Reads incidents of one workspace: pages newest first after a cursor, one incident with its history. */
@ApplicationScoped
public class IncidentQueries {

    /** Where a page starts: after the incident opened at {@code openedAt} with {@code id} (newest first). */
    public record Cursor(Instant openedAt, String id) {
    }

    /** Up to {@code limit} incidents matching {@code filter} after {@code cursor} (null: from the newest). */
    public Uni<List<Incident>> page(SqlConnection connection, String workspaceId, IncidentFilter filter,
            Cursor cursor, int limit, Instant now) {
        List<Object> values = new ArrayList<>(List.of(workspaceId));
        StringBuilder where = new StringBuilder("workspace_id = $1");
        if (filter.status() == ShownStatus.RESOLVED) {
            where.append(" and status = 'RESOLVED'");
        } else if (filter.status() != null) {
            // Snoozes expire on read: a snooze that ended counts as not snoozed.
            values.add(IncidentRows.time(now));
            String at = "$" + values.size();
            where.append(switch (filter.status()) {
                case RESOLVED -> throw new IllegalStateException();
                case SNOOZED -> " and status <> 'RESOLVED' and snoozed_until > " + at;
                case OPEN -> " and status = 'OPEN' and (snoozed_until is null or snoozed_until <= " + at + ")";
                case ACKNOWLEDGED -> " and status = 'ACKNOWLEDGED' and (snoozed_until is null or snoozed_until <= "
                        + at + ")";
            });
        }
        if (filter.event() != null) {
            values.add(filter.event());
            where.append(" and event_name = $").append(values.size());
        }
        if (filter.team() != null) {
            values.add(filter.team());
            where.append(" and team = $").append(values.size());
        }
        if (filter.severity() != null) {
            values.add(filter.severity().name());
            where.append(" and severity = $").append(values.size());
        }
        if (cursor != null) {
            values.add(IncidentRows.time(cursor.openedAt()));
            values.add(cursor.id());
            where.append(" and (opened_at, id) < ($").append(values.size() - 1).append(", $").append(values.size())
                    .append(')');
        }
        values.add(limit);
        String query = "select " + IncidentRows.COLUMNS + " from alert_incident where " + where
                + " order by opened_at desc, id desc limit $" + values.size();
        return connection.preparedQuery(query).execute(Tuple.from(values)).map(rows -> {
            List<Incident> incidents = new ArrayList<>();
            for (Row row : rows) {
                incidents.add(IncidentRows.incident(row));
            }
            return incidents;
        });
    }

    public Uni<Incident> one(SqlConnection connection, String workspaceId, String id) {
        return connection.preparedQuery("select " + IncidentRows.COLUMNS + " from alert_incident where workspace_id"
                + " = $1 and id = $2").execute(Tuple.of(workspaceId, id))
                .map(rows -> rows.iterator().hasNext() ? IncidentRows.incident(rows.iterator().next()) : null);
    }

    /** The newest {@code max} alert records of an incident. */
    public Uni<List<IncidentHistory.Occurrence>> occurrences(SqlConnection connection, String workspaceId,
            String incidentId, int max) {
        return connection.preparedQuery("select alert_id, state, outcome, detector, severity, observed, expected,"
                + " window_start, window_end, emitted_at, consumed_at from alert_record where workspace_id = $1 and"
                + " incident_id = $2 order by consumed_at desc, alert_id desc limit $3")
                .execute(Tuple.of(workspaceId, incidentId, max)).map(rows -> {
                    List<IncidentHistory.Occurrence> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new IncidentHistory.Occurrence(row.getString("alert_id"), row.getString("state"),
                                row.getString("outcome"), row.getString("detector"), row.getString("severity"),
                                row.getDouble("observed"), row.getDouble("expected"),
                                IncidentRows.instant(row, "window_start"), IncidentRows.instant(row, "window_end"),
                                IncidentRows.instant(row, "emitted_at"), IncidentRows.instant(row, "consumed_at")));
                    }
                    return found;
                });
    }

    /** The newest {@code max} actions on an incident. */
    public Uni<List<IncidentHistory.Action>> actions(SqlConnection connection, String workspaceId, String incidentId,
            int max) {
        return connection.preparedQuery("select action, actor, note, snoozed_until, at from alert_action where"
                + " workspace_id = $1 and incident_id = $2 order by at desc, id desc limit $3")
                .execute(Tuple.of(workspaceId, incidentId, max)).map(rows -> {
                    List<IncidentHistory.Action> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new IncidentHistory.Action(row.getString("action"), row.getString("actor"),
                                row.getString("note"), IncidentRows.instant(row, "snoozed_until"),
                                IncidentRows.instant(row, "at")));
                    }
                    return found;
                });
    }

    /** Records an action on an incident. */
    public Uni<Void> addAction(SqlConnection connection, String workspaceId, String incidentId, String action,
            String actor, String note, Instant snoozedUntil, Instant at) {
        return connection.preparedQuery("insert into alert_action (workspace_id, id, incident_id, action, actor, note,"
                + " snoozed_until, at) values ($1, $2, $3, $4, $5, $6, $7, $8)").execute(Tuple.tuple()
                        .addString(workspaceId).addString(java.util.UUID.randomUUID().toString())
                        .addString(incidentId).addString(action).addString(actor).addString(note)
                        .addOffsetDateTime(IncidentRows.time(snoozedUntil))
                        .addOffsetDateTime(IncidentRows.time(at)))
                .replaceWithVoid();
    }
}
