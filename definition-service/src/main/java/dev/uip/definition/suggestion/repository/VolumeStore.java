package dev.uip.definition.suggestion.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.suggestion.domain.UnplannedMinute;

/**
 * Adds minutes of unplanned volume to their hour; each minute counts once per hour (a bit per minute), so that a
 * redelivered stats record changes nothing.
 */
@ApplicationScoped
public class VolumeStore {

    /** Answers how many minutes were new. */
    public Uni<Integer> add(SqlConnection connection, List<UnplannedMinute> minutes) {
        if (minutes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> tuples = minutes.stream().map(m -> {
            Instant hour = m.minute().truncatedTo(ChronoUnit.HOURS);
            long bit = 1L << Math.floorMod(Math.floorDiv(m.minute().getEpochSecond(), 60), 60);
            return Tuple.from(List.of(m.workspaceId(), m.event(), TrackedEvents.time(hour), m.unplanned(),
                    m.quarantined(), bit));
        }).toList();
        return connection.preparedQuery("insert into unplanned_volume as v (workspace_id, event_name, hour, unplanned,"
                + " quarantined, minutes) values ($1, $2, $3, $4, $5, $6) on conflict (workspace_id, event_name, hour)"
                + " do update set unplanned = v.unplanned + excluded.unplanned,"
                + " quarantined = v.quarantined + excluded.quarantined, minutes = v.minutes | excluded.minutes"
                + " where (v.minutes & excluded.minutes) = 0").executeBatch(tuples).map(VolumeStore::changed);
    }

    private static int changed(RowSet<?> rows) {
        int count = 0;
        for (RowSet<?> set = rows; set != null; set = set.next()) {
            count += set.rowCount();
        }
        return count;
    }
}
