package dev.uip.definition.alerting.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.alerting.domain.TeamQuietHours;

/** The quiet hours of a workspace's teams. */
@ApplicationScoped
public class QuietHoursStore {

    /** The team's quiet hours, or null when it has none. */
    public Uni<TeamQuietHours> of(SqlConnection connection, String workspaceId, String team) {
        return connection.preparedQuery("select team, start_hour, end_hour, time_zone from team_quiet_hours where"
                + " workspace_id = $1 and team = $2").execute(Tuple.of(workspaceId, team)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new TeamQuietHours(row.getString("team"), row.getInteger("start_hour"),
                            row.getInteger("end_hour"), row.getString("time_zone"));
                });
    }

    public Uni<Void> put(SqlConnection connection, String workspaceId, TeamQuietHours hours, String actor,
            Instant now) {
        return connection.preparedQuery("insert into team_quiet_hours (workspace_id, team, start_hour, end_hour,"
                + " time_zone, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict (workspace_id,"
                + " team) do update set start_hour = excluded.start_hour, end_hour = excluded.end_hour, time_zone ="
                + " excluded.time_zone, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .execute(Tuple.tuple().addString(workspaceId).addString(hours.team()).addInteger(hours.startHour())
                        .addInteger(hours.endHour()).addString(hours.timeZone()).addString(actor)
                        .addOffsetDateTime(IncidentRows.time(now)))
                .replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlConnection connection, String workspaceId, String team) {
        return connection.preparedQuery("delete from team_quiet_hours where workspace_id = $1 and team = $2")
                .execute(Tuple.of(workspaceId, team)).map(rows -> rows.rowCount() == 1);
    }
}
