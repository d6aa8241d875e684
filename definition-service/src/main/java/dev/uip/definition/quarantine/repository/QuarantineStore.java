package dev.uip.definition.quarantine.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.schemas.Violation;

/**
 * Stores quarantined events of one workspace (inside its scoped transaction): at most once per messageId, and only
 * while the workspace's open rows are under its cap; what the cap turns away is counted in quarantine_usage.
 */
@ApplicationScoped
public class QuarantineStore {

    /** Most violation paths kept for filtering per event. */
    static final int MAX_PATHS = 20;
    /** Most violations kept per event. */
    static final int MAX_VIOLATIONS = 100;

    /** What one call stored: new rows, duplicates of stored ones, and events the cap turned away. */
    public record Stored(int inserted, int duplicates, int notStored) {
    }

    private static final String INSERT = "insert into quarantined_events (workspace_id, message_id, event_name,"
            + " call_type, reason, violations, violation_paths, schema_ref, quarantined_at, write_key_id, user_id,"
            + " anonymous_id, event_timestamp, received_at, flags, payload) values ($1, $2, $3, $4, $5, $6::text::jsonb,"
            + " $7, $8::text::jsonb, $9, $10, $11, $12, $13, $14, $15, $16) on conflict (workspace_id, message_id) do nothing";

    public Uni<Stored> store(SqlConnection connection, String workspaceId, List<QuarantinedEvent> events, long cap) {
        return connection.preparedQuery("insert into quarantine_usage (workspace_id) values ($1)"
                + " on conflict (workspace_id) do nothing").execute(Tuple.of(workspaceId))
                .chain(() -> connection.preparedQuery("select open_rows from quarantine_usage where workspace_id = $1"
                        + " for update").execute(Tuple.of(workspaceId)))
                .map(rows -> rows.iterator().next().getLong("open_rows"))
                .chain(open -> insert(connection, events, cap - open))
                .call(stored -> connection.preparedQuery("update quarantine_usage set open_rows = open_rows + $2,"
                        + " not_stored = not_stored + $3, last_not_stored = case when $3 > 0 then now()"
                        + " else last_not_stored end where workspace_id = $1")
                        .execute(Tuple.of(workspaceId, (long) stored.inserted(), (long) stored.notStored())));
    }

    private Uni<Stored> insert(SqlConnection connection, List<QuarantinedEvent> events, long room) {
        if (room >= events.size()) {
            return connection.preparedQuery(INSERT).executeBatch(events.stream().map(QuarantineStore::tuple).toList())
                    .map(rows -> {
                        int inserted = inserted(rows);
                        return new Stored(inserted, events.size() - inserted, 0);
                    });
        }
        // Near the cap: one at a time, so that a duplicate (which takes no room) does not turn a new event away.
        return oneByOne(connection, events, 0, Math.max(0, room), new Stored(0, 0, 0));
    }

    private Uni<Stored> oneByOne(SqlConnection connection, List<QuarantinedEvent> events, int index, long room,
            Stored sofar) {
        if (index == events.size()) {
            return Uni.createFrom().item(sofar);
        }
        if (room == 0) {
            // The cap is reached: what is stored already is a duplicate, the rest is not stored.
            List<QuarantinedEvent> rest = events.subList(index, events.size());
            String[] ids = rest.stream().map(QuarantinedEvent::messageId).distinct().toArray(String[]::new);
            return connection.preparedQuery("select message_id from quarantined_events where workspace_id = $1"
                    + " and message_id = any($2)").execute(Tuple.of(rest.get(0).workspaceId(), ids)).map(rows -> {
                        java.util.Set<String> stored = new java.util.HashSet<>();
                        rows.forEach(row -> stored.add(row.getString("message_id")));
                        int duplicates = (int) rest.stream().filter(e -> stored.contains(e.messageId())).count();
                        return new Stored(sofar.inserted(), sofar.duplicates() + duplicates,
                                sofar.notStored() + rest.size() - duplicates);
                    });
        }
        return connection.preparedQuery(INSERT).execute(tuple(events.get(index))).chain(rows -> {
            boolean inserted = rows.rowCount() == 1;
            Stored next = new Stored(sofar.inserted() + (inserted ? 1 : 0), sofar.duplicates() + (inserted ? 0 : 1),
                    sofar.notStored());
            return oneByOne(connection, events, index + 1, inserted ? room - 1 : room, next);
        });
    }

    private static int inserted(RowSet<?> rows) {
        int count = 0;
        for (RowSet<?> set = rows; set != null; set = set.next()) {
            count += set.rowCount();
        }
        return count;
    }

    private static Tuple tuple(QuarantinedEvent event) {
        List<Violation> violations = event.violations().size() > MAX_VIOLATIONS
                ? event.violations().subList(0, MAX_VIOLATIONS)
                : event.violations();
        List<String> paths = new ArrayList<>();
        for (Violation violation : violations) {
            if (paths.size() < MAX_PATHS && !paths.contains(violation.getPath())) {
                paths.add(violation.getPath());
            }
        }
        QuarantinedEvent.RawEnvelope raw = event.raw();
        return Tuple
                .from(java.util.Arrays.asList(event.workspaceId(), event.messageId(), event.event(), event.callType(),
                        event.reason(), Rows.json(violations), paths.toArray(new String[0]), event.schemaRefJson(),
                        FilterSql.time(event.quarantinedAt()), raw.writeKeyId(), raw.userId(), raw.anonymousId(),
                        FilterSql.time(raw.timestamp()), FilterSql.time(raw.receivedAt()),
                        raw.flags().toArray(new String[0]), raw.payload()));
    }
}
