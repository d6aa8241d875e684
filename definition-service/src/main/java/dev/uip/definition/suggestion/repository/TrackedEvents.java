package dev.uip.definition.suggestion.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Admits a workspace's unplanned events to be tracked (inside its scoped transaction, under a lock on its usage row):
 * known events always, new ones while the workspace tracks fewer than its cap, the busiest of a batch first.
 */
@ApplicationScoped
public class TrackedEvents {

    /** What a batch says about one event: when it was seen first and last, and how much (to rank new events). */
    public record Seen(Instant first, Instant last, long weight) {

        public Seen merge(Seen other) {
            return new Seen(first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last, weight + other.weight);
        }
    }

    /** Locks the workspace's usage row, records when each admitted event was seen, and answers the admitted ones. */
    public Uni<Set<String>> admit(SqlConnection connection, String workspaceId, Map<String, Seen> events, int cap) {
        String[] names = events.keySet().toArray(new String[0]);
        return connection.preparedQuery("insert into suggestion_usage (workspace_id) values ($1)"
                + " on conflict (workspace_id) do nothing").execute(Tuple.of(workspaceId))
                .chain(() -> connection.preparedQuery("select 1 from suggestion_usage where workspace_id = $1"
                        + " for update").execute(Tuple.of(workspaceId)))
                .chain(() -> connection.preparedQuery("select event_name, (select count(*) from unplanned_event"
                        + " where workspace_id = $1) as tracked from unplanned_event where workspace_id = $1"
                        + " and event_name = any($2)").execute(Tuple.of(workspaceId, names)))
                .chain(rows -> {
                    Set<String> known = new HashSet<>();
                    long tracked = 0;
                    for (var row : rows) {
                        known.add(row.getString("event_name"));
                        tracked = row.getLong("tracked");
                    }
                    return known.isEmpty()
                            ? connection.preparedQuery("select count(*) as tracked from unplanned_event"
                                    + " where workspace_id = $1").execute(Tuple.of(workspaceId))
                                    .map(counted -> admitted(events, known,
                                            cap - counted.iterator().next().getLong("tracked")))
                            : Uni.createFrom().item(admitted(events, known, cap - tracked));
                })
                .call(admitted -> record(connection, workspaceId, events, admitted));
    }

    /** Adds to the workspace's count of records not stored because their event could not be tracked. */
    public Uni<Void> countNotTracked(SqlConnection connection, String workspaceId, long records) {
        if (records == 0) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update suggestion_usage set not_tracked = not_tracked + $2,"
                + " last_not_tracked = now() where workspace_id = $1").execute(Tuple.of(workspaceId, records))
                .replaceWithVoid();
    }

    private static Set<String> admitted(Map<String, Seen> events, Set<String> known, long room) {
        Set<String> admitted = new HashSet<>(known);
        List<Map.Entry<String, Seen>> newcomers = new ArrayList<>(events.entrySet().stream()
                .filter(e -> !known.contains(e.getKey())).toList());
        newcomers.sort(Comparator.comparingLong((Map.Entry<String, Seen> e) -> e.getValue().weight()).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < newcomers.size() && i < room; i++) {
            admitted.add(newcomers.get(i).getKey());
        }
        return admitted;
    }

    private static Uni<Void> record(SqlConnection connection, String workspaceId, Map<String, Seen> events,
            Set<String> admitted) {
        if (admitted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = admitted.stream().sorted().map(name -> Tuple.of(workspaceId, name,
                time(events.get(name).first()), time(events.get(name).last()))).toList();
        return connection.preparedQuery("insert into unplanned_event as e (workspace_id, event_name, first_seen,"
                + " last_seen) values ($1, $2, $3, $4) on conflict (workspace_id, event_name) do update set"
                + " first_seen = least(e.first_seen, excluded.first_seen),"
                + " last_seen = greatest(e.last_seen, excluded.last_seen)").executeBatch(tuples).replaceWithVoid();
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
