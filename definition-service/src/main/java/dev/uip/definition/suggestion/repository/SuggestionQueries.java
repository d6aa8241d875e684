package dev.uip.definition.suggestion.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.suggestion.domain.UnplannedEvent;
import dev.uip.definition.suggestion.domain.UnplannedSample;

/**
 * Reads a workspace's suggestions (inside its scoped transaction): tracked unplanned events without a definition of
 * any status, by volume, and their newest samples from both sources (kept samples, quarantined UNKNOWN_EVENT events).
 */
@ApplicationScoped
public class SuggestionQueries {

    private static final String VOLUMES = "with vol as (select event_name,"
            + " sum(unplanned + quarantined) filter (where hour >= $2)::bigint as last24h,"
            + " sum(unplanned + quarantined)::bigint as last7d, sum(unplanned)::bigint as unplanned,"
            + " sum(quarantined)::bigint as quarantined"
            + " from unplanned_volume where workspace_id = $1 and hour >= $3 group by event_name)"
            + " select e.event_name, e.first_seen, e.last_seen, e.dismissed_at, coalesce(v.last24h, 0) as last24h,"
            + " coalesce(v.last7d, 0) as last7d, coalesce(v.unplanned, 0) as unplanned,"
            + " coalesce(v.quarantined, 0) as quarantined"
            + " from unplanned_event e left join vol v on v.event_name = e.event_name";
    private static final String UNDEFINED = " e.workspace_id = $1 and not exists (select 1 from event_definition d"
            + " where d.workspace_id = $1 and d.call_type = 'TRACK' and d.name = e.event_name)";

    /** One page of suggestions, busiest over the kept age first; dismissed ones only when asked for. */
    public Uni<List<UnplannedEvent>> page(SqlConnection connection, String workspaceId, Instant now, Duration maxAge,
            boolean dismissed, int page, int size) {
        return connection.preparedQuery(VOLUMES + " where" + UNDEFINED + " and (e.dismissed_at is not null) = $4"
                + " order by last7d desc, last24h desc, e.last_seen desc, e.event_name limit $5 offset $6")
                .execute(Tuple.from(List.of(workspaceId, since(now, Duration.ofHours(24)), since(now, maxAge),
                        dismissed, size, (long) page * size)))
                .map(rows -> {
                    List<UnplannedEvent> out = new ArrayList<>();
                    rows.forEach(row -> out.add(event(row)));
                    return out;
                });
    }

    /** How many suggestions {@link #page} pages through. */
    public Uni<Long> count(SqlConnection connection, String workspaceId, boolean dismissed) {
        return connection.preparedQuery("select count(*) as n from unplanned_event e where" + UNDEFINED
                + " and (e.dismissed_at is not null) = $2").execute(Tuple.of(workspaceId, dismissed))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The suggestion for one event, dismissed or not; null when it is not tracked or has a definition. */
    public Uni<UnplannedEvent> one(SqlConnection connection, String workspaceId, String event, Instant now,
            Duration maxAge) {
        return connection.preparedQuery(VOLUMES + " where" + UNDEFINED + " and e.event_name = $4")
                .execute(Tuple.of(workspaceId, since(now, Duration.ofHours(24)), since(now, maxAge), event))
                .map(rows -> rows.iterator().hasNext() ? event(rows.iterator().next()) : null);
    }

    /** Whether a track definition of that name exists, of any status (a page of that name is another thing). */
    public Uni<Boolean> defined(SqlConnection connection, String workspaceId, String event) {
        return connection.preparedQuery("select 1 from event_definition where workspace_id = $1 and call_type = 'TRACK'"
                + " and name = $2")
                .execute(Tuple.of(workspaceId, event)).map(rows -> rows.size() > 0);
    }

    /** The newest samples of an event received within the age, from both sources, newest first. */
    public Uni<List<UnplannedSample>> samples(SqlConnection connection, String workspaceId, String event,
            Instant now, Duration maxAge, int limit, int maxChars) {
        return connection.preparedQuery("select message_id, received_at, payload from ("
                + "(select message_id, received_at, payload from unplanned_sample where workspace_id = $1"
                + " and event_name = $2 and received_at >= $3 order by received_at desc, message_id desc limit $4)"
                + " union all (select message_id, received_at, payload from quarantined_events where workspace_id = $1"
                + " and event_name = $2 and reason = 'UNKNOWN_EVENT' and call_type = 'TRACK' and received_at >= $3"
                + " and length(payload) <= $5 order by quarantined_at desc limit $4)) s"
                + " order by received_at desc, message_id desc limit $4")
                .execute(Tuple.of(workspaceId, event, since(now, maxAge), limit, maxChars)).map(rows -> {
                    List<UnplannedSample> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new UnplannedSample(workspaceId, row.getString("message_id"), event,
                            instant(row, "received_at"), row.getString("payload"))));
                    return out;
                });
    }

    /** How many events of that name wait in the quarantine as UNKNOWN_EVENT. */
    public Uni<Long> quarantined(SqlConnection connection, String workspaceId, String event) {
        return connection.preparedQuery("select count(*) as n from quarantined_events where workspace_id = $1"
                + " and event_name = $2 and reason = 'UNKNOWN_EVENT' and status = 'QUARANTINED'")
                .execute(Tuple.of(workspaceId, event)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Records not stored because the workspace tracked as many events as its cap allows. */
    public Uni<Long> notTracked(SqlConnection connection, String workspaceId) {
        return connection.preparedQuery("select not_tracked from suggestion_usage where workspace_id = $1")
                .execute(Tuple.of(workspaceId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("not_tracked") : 0L);
    }

    /** Hides (or shows again) a tracked event; answers whether it was tracked. */
    public Uni<Boolean> dismiss(SqlConnection connection, String workspaceId, String event, boolean dismissed) {
        return connection.preparedQuery("update unplanned_event set dismissed_at = case when $3 then now() end"
                + " where workspace_id = $1 and event_name = $2").execute(Tuple.of(workspaceId, event, dismissed))
                .map(rows -> rows.rowCount() == 1);
    }

    private static OffsetDateTime since(Instant now, Duration age) {
        return TrackedEvents.time(now.minus(age));
    }

    private static UnplannedEvent event(Row row) {
        return new UnplannedEvent(row.getString("event_name"), instant(row, "first_seen"), instant(row, "last_seen"),
                row.getLong("last24h"), row.getLong("last7d"), row.getLong("unplanned"), row.getLong("quarantined"),
                instant(row, "dismissed_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
