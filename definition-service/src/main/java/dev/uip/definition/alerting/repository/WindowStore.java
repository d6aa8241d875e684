package dev.uip.definition.alerting.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.alerting.domain.MaintenanceWindow;

/** Maintenance windows of one workspace: add, list, end, and those in force for an event. */
@ApplicationScoped
public class WindowStore {

    private static final String COLUMNS = "id, event_name, starts_at, ends_at, reason, created_by, created_at,"
            + " ended_at, ended_by";

    public Uni<Void> add(SqlConnection connection, String workspaceId, MaintenanceWindow window) {
        return connection.preparedQuery("insert into maintenance_window (workspace_id, " + COLUMNS + ") values ($1,"
                + " $2, $3, $4, $5, $6, $7, $8, $9, $10)").execute(Tuple.tuple().addString(workspaceId)
                        .addString(window.id()).addString(window.event())
                        .addOffsetDateTime(IncidentRows.time(window.startsAt()))
                        .addOffsetDateTime(IncidentRows.time(window.endsAt())).addString(window.reason())
                        .addString(window.createdBy()).addOffsetDateTime(IncidentRows.time(window.createdAt()))
                        .addOffsetDateTime(null).addString(null))
                .replaceWithVoid();
    }

    /** Windows neither ended nor over at {@code now} (in force or ahead). */
    public Uni<Long> countCurrent(SqlConnection connection, String workspaceId, Instant now) {
        return connection.preparedQuery("select count(*) as n from maintenance_window where workspace_id = $1 and"
                + " ended_at is null and ends_at > $2").execute(Tuple.of(workspaceId, IncidentRows.time(now)))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The windows in force at {@code now} for {@code event} or the whole workspace. */
    public Uni<List<MaintenanceWindow>> covering(SqlConnection connection, String workspaceId, String event,
            Instant now) {
        return connection.preparedQuery("select " + COLUMNS + " from maintenance_window where workspace_id = $1 and"
                + " ended_at is null and starts_at <= $2 and ends_at > $2 and (event_name is null or event_name = $3)"
                + " order by starts_at, id limit 10").execute(Tuple.of(workspaceId, IncidentRows.time(now), event))
                .map(WindowStore::windows);
    }

    /** The newest {@code max} windows; only those not over at {@code now} when {@code currentOnly}. */
    public Uni<List<MaintenanceWindow>> list(SqlConnection connection, String workspaceId, boolean currentOnly,
            Instant now, int max) {
        String current = currentOnly ? " and ended_at is null and ends_at > $2" : " and $2::timestamptz is not null";
        return connection.preparedQuery("select " + COLUMNS + " from maintenance_window where workspace_id = $1"
                + current + " order by created_at desc, id desc limit $3")
                .execute(Tuple.of(workspaceId, IncidentRows.time(now), max)).map(WindowStore::windows);
    }

    public Uni<MaintenanceWindow> lock(SqlConnection connection, String workspaceId, String id) {
        return connection.preparedQuery("select " + COLUMNS + " from maintenance_window where workspace_id = $1 and"
                + " id = $2 for update").execute(Tuple.of(workspaceId, id))
                .map(rows -> windows(rows).stream().findFirst().orElse(null));
    }

    /** Ends a window now: it no longer covers anything from {@code now} on. */
    public Uni<Void> end(SqlConnection connection, String workspaceId, String id, String actor, Instant now) {
        return connection.preparedQuery("update maintenance_window set ended_at = $3, ended_by = $4 where"
                + " workspace_id = $1 and id = $2").execute(Tuple.of(workspaceId, id, IncidentRows.time(now), actor))
                .replaceWithVoid();
    }

    private static List<MaintenanceWindow> windows(RowSet<Row> rows) {
        List<MaintenanceWindow> found = new ArrayList<>();
        for (Row row : rows) {
            found.add(new MaintenanceWindow(row.getString("id"), row.getString("event_name"),
                    IncidentRows.instant(row, "starts_at"), IncidentRows.instant(row, "ends_at"),
                    row.getString("reason"), row.getString("created_by"), IncidentRows.instant(row, "created_at"),
                    IncidentRows.instant(row, "ended_at"), row.getString("ended_by")));
        }
        return found;
    }
}
