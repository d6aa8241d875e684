package dev.uip.definition.quarantine.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantinedEvent;

/** Reads quarantined events of one workspace: pages newest first, one event, counts with samples, usage. */
@ApplicationScoped
public class QuarantineQueries {

    /** One page and the number of all matches. */
    public record Page(List<QuarantinedEvent> items, long total) {
    }

    /** A count of matching events under one key (a reason or an event name), with the newest one's payload. */
    public record Group(String key, long count, String sampleMessageId, String samplePayload) {
    }

    /** Open rows of the workspace and quarantined events not stored because of the cap. */
    public record Usage(long openRows, long notStored, java.time.Instant lastNotStored) {
    }

    public Uni<Page> page(SqlConnection connection, String workspaceId, QuarantineFilter filter, int page, int size) {
        FilterSql sql = FilterSql.of(workspaceId, filter);
        String limit = sql.param((long) size);
        String offset = sql.param((long) page * size);
        Tuple tuple = sql.tuple();
        return connection.preparedQuery("select " + Rows.COLUMNS + " from quarantined_events where " + sql.where()
                + " order by quarantined_at desc, message_id desc limit " + limit + " offset " + offset)
                .execute(tuple).map(QuarantineQueries::events)
                .chain(items -> count(connection, workspaceId, filter).map(total -> new Page(items, total)));
    }

    public Uni<Long> count(SqlConnection connection, String workspaceId, QuarantineFilter filter) {
        FilterSql sql = FilterSql.of(workspaceId, filter);
        return connection.preparedQuery("select count(*) as n from quarantined_events where " + sql.where())
                .execute(sql.tuple()).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The oldest matching events first (the order a preview or release works through them). */
    public Uni<List<QuarantinedEvent>> oldest(SqlConnection connection, String workspaceId, QuarantineFilter filter,
            int limit) {
        FilterSql sql = FilterSql.of(workspaceId, filter);
        String max = sql.param((long) limit);
        return connection.preparedQuery("select " + Rows.COLUMNS + " from quarantined_events where " + sql.where()
                + " order by quarantined_at, message_id limit " + max).execute(sql.tuple())
                .map(QuarantineQueries::events);
    }

    public Uni<QuarantinedEvent> one(SqlConnection connection, String workspaceId, String messageId) {
        return connection.preparedQuery("select " + Rows.COLUMNS + " from quarantined_events where workspace_id = $1"
                + " and message_id = $2").execute(Tuple.of(workspaceId, messageId))
                .map(rows -> rows.iterator().hasNext() ? Rows.event(rows.iterator().next()) : null);
    }

    /** Counts per {@code column} (reason or event_name), largest first, at most {@code max} groups. */
    public Uni<List<Group>> groups(SqlConnection connection, String workspaceId, QuarantineFilter filter,
            String column, int max) {
        if (!column.equals("reason") && !column.equals("event_name")) {
            throw new IllegalArgumentException(column);
        }
        FilterSql sql = FilterSql.of(workspaceId, filter);
        String limit = sql.param((long) max);
        // The sample is the newest event of each group, picked by the same index-friendly order as the list.
        String query = "with counts as (select " + column + " as k, count(*) as n from quarantined_events where "
                + sql.where() + " group by " + column + " order by n desc, k limit " + limit + "), samples as ("
                + "select distinct on (" + column + ") " + column + " as k, message_id, payload from"
                + " quarantined_events where " + sql.where() + " and " + column + " in (select k from counts)"
                + " order by " + column + ", quarantined_at desc, message_id desc) select c.k, c.n, s.message_id,"
                + " s.payload from counts c left join samples s on s.k is not distinct from c.k order by c.n desc, c.k";
        return connection.preparedQuery(query).execute(sql.tuple()).map(rows -> {
            List<Group> groups = new ArrayList<>();
            for (Row row : rows) {
                groups.add(new Group(row.getString("k"), row.getLong("n"), row.getString("message_id"),
                        row.getString("payload")));
            }
            return groups;
        });
    }

    public Uni<Usage> usage(SqlConnection connection, String workspaceId) {
        return connection.preparedQuery("select open_rows, not_stored, last_not_stored from quarantine_usage where"
                + " workspace_id = $1").execute(Tuple.of(workspaceId)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return new Usage(0, 0, null);
                    }
                    Row row = rows.iterator().next();
                    return new Usage(row.getLong("open_rows"), row.getLong("not_stored"),
                            Rows.instant(row, "last_not_stored"));
                });
    }

    private static List<QuarantinedEvent> events(Iterable<Row> rows) {
        List<QuarantinedEvent> events = new ArrayList<>();
        for (Row row : rows) {
            events.add(Rows.event(row));
        }
        return events;
    }
}
