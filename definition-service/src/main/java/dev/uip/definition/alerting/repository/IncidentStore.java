package dev.uip.definition.alerting.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.alerting.domain.DetectorAlert;
import dev.uip.definition.alerting.domain.Incident;

/**
 * Writes incidents and the alert records consumed, inside a workspace-scoped transaction; the incidents it reads for
 * a change are locked until the transaction ends.
 */
@ApplicationScoped
public class IncidentStore {

    private static final String INSERT = "insert into alert_incident (" + IncidentRows.COLUMNS.replace(
            "breakdown::text as breakdown", "breakdown") + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
            + " $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::text::jsonb, $23, $24, $25, $26, $27, $28, $29,"
            + " $30)";

    private static final String UPDATE = "update alert_incident set detector = $6, direction = $7, team = $8,"
            + " key_event = $9, alert_severity = $10, severity = $11, page = $12, status = $13, snoozed_until = $14,"
            + " occurrences = $15, last_alert_id = $17, observed = $18, expected = $19, window_start = $20,"
            + " window_end = $21, breakdown = $22::text::jsonb, last_seen_at = $24, acknowledged_at = $25,"
            + " acknowledged_by = $26, resolved_at = $27, resolved_by = $28, resolution_note = $29, version = $30"
            + " where workspace_id = $1 and id = $2 and call_type = $3 and event_name = $4 and rule = $5"
            + " and first_alert_id = $16 and opened_at = $23";

    /**
     * Records that an alert record was consumed; false when it was consumed before (then nothing else is done).
     */
    public Uni<Boolean> recordOnce(SqlConnection connection, DetectorAlert alert, Instant now) {
        return connection.preparedQuery("insert into alert_record (workspace_id, alert_id, state, outcome, detector,"
                + " severity, observed, expected, window_start, window_end, emitted_at, consumed_at) values ($1, $2,"
                + " $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing")
                .execute(Tuple.tuple().addString(alert.workspaceId()).addString(alert.alertId())
                        .addString(alert.opened() ? "OPENED" : "RESOLVED").addString(alert.detector())
                        .addString(alert.severity().name()).addDouble(alert.observed())
                        .addDouble(alert.expected()).addOffsetDateTime(IncidentRows.time(alert.windowStart()))
                        .addOffsetDateTime(IncidentRows.time(alert.windowEnd()))
                        .addOffsetDateTime(IncidentRows.time(alert.emittedAt()))
                        .addOffsetDateTime(IncidentRows.time(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Notes what the consumed record did and to which incident. */
    public Uni<Void> outcome(SqlConnection connection, DetectorAlert alert, String incidentId, String outcome) {
        return connection.preparedQuery("update alert_record set incident_id = $4, outcome = $5 where workspace_id ="
                + " $1 and alert_id = $2 and state = $3").execute(Tuple.of(alert.workspaceId(), alert.alertId(),
                        alert.opened() ? "OPENED" : "RESOLVED", incidentId, outcome))
                .replaceWithVoid();
    }

    /** The unresolved incident of a series and rule, locked; null when there is none. */
    public Uni<Incident> unresolved(SqlConnection connection, String workspaceId, String callType, String event,
            String rule) {
        return one(connection.preparedQuery("select " + IncidentRows.COLUMNS + " from alert_incident where"
                + " workspace_id = $1 and call_type = $2 and event_name = $3 and rule = $4 and status <> 'RESOLVED'"
                + " for update").execute(Tuple.of(workspaceId, callType, event, rule)));
    }

    /** The incident an alert id opened or merged into, locked; null when the alert was never seen opening. */
    public Uni<Incident> ofAlert(SqlConnection connection, String workspaceId, String alertId) {
        return one(connection.preparedQuery("select " + IncidentRows.COLUMNS.replace(", ", ", i.").replaceFirst(
                "^", "i.") + " from alert_incident i join alert_record r on r.workspace_id = i.workspace_id and"
                + " r.incident_id = i.id where r.workspace_id = $1 and r.alert_id = $2 and r.state = 'OPENED'"
                + " for update of i").execute(Tuple.of(workspaceId, alertId)));
    }

    /** How many of the incident's alerts opened and have not resolved yet. */
    public Uni<Long> openAlerts(SqlConnection connection, String workspaceId, String incidentId) {
        return connection.preparedQuery("select count(*) as n from alert_record o where o.workspace_id = $1 and"
                + " o.incident_id = $2 and o.state = 'OPENED' and not exists (select 1 from alert_record r where"
                + " r.workspace_id = o.workspace_id and r.alert_id = o.alert_id and r.state = 'RESOLVED')")
                .execute(Tuple.of(workspaceId, incidentId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The incident by id, locked; null when the workspace has none of that id. */
    public Uni<Incident> lock(SqlConnection connection, String workspaceId, String id) {
        return one(connection.preparedQuery("select " + IncidentRows.COLUMNS + " from alert_incident where"
                + " workspace_id = $1 and id = $2 for update").execute(Tuple.of(workspaceId, id)));
    }

    public Uni<Void> insert(SqlConnection connection, Incident incident) {
        return connection.preparedQuery(INSERT).execute(IncidentRows.tuple(incident)).replaceWithVoid();
    }

    /** Writes the incident's changeable columns (its identity and opening never change). */
    public Uni<Void> update(SqlConnection connection, Incident incident) {
        return connection.preparedQuery(UPDATE).execute(IncidentRows.tuple(incident)).invoke(rows -> {
            if (rows.rowCount() != 1) {
                throw new IllegalStateException("incident " + incident.id() + " changed identity");
            }
        }).replaceWithVoid();
    }

    private static Uni<Incident> one(Uni<RowSet<io.vertx.mutiny.sqlclient.Row>> rows) {
        return rows.map(set -> set.iterator().hasNext() ? IncidentRows.incident(set.iterator().next()) : null);
    }
}
