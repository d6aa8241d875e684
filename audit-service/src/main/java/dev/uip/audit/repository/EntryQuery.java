package dev.uip.audit.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.audit.domain.EntryFilter;
import dev.uip.audit.domain.StoredEntry;

/** Reads the entries of a workspace that match a filter, one page at a time by sequence (keyset, no offset). */
@ApplicationScoped
public class EntryQuery {

    @Inject
    Pool pool;

    /** Up to {@code limit} matching entries with a sequence below {@code before} (none: from the newest), newest first. */
    public Uni<List<StoredEntry>> newestBefore(String workspace, EntryFilter filter, Long before, int limit) {
        return page(workspace, filter, before == null ? null : "sequence < ", before, "DESC", limit);
    }

    /** Up to {@code limit} matching entries with a sequence above {@code after}, oldest first. */
    public Uni<List<StoredEntry>> oldestAfter(String workspace, EntryFilter filter, long after, int limit) {
        return page(workspace, filter, "sequence > ", after, "ASC", limit);
    }

    /** Up to {@code limit} entries touching {@code event} that occurred in [from, to), in order of occurrence. */
    public Uni<List<StoredEntry>> touching(String workspace, String event, EntryFilter range, int limit) {
        Tuple args = Tuple.of(workspace, event);
        StringBuilder sql = new StringBuilder("SELECT " + EntryRows.COLUMNS
                + " FROM audit_entry WHERE workspace_id = $1 AND event_name = $2");
        time(sql, args, " AND occurred_at >= $", range.from());
        time(sql, args, " AND occurred_at < $", range.to());
        args.addInteger(limit);
        sql.append(" ORDER BY occurred_at, sequence LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(args).map(EntryReader::entries);
    }

    private Uni<List<StoredEntry>> page(String workspace, EntryFilter filter, String keyset, Long key,
            String direction, int limit) {
        Tuple args = Tuple.of(workspace);
        StringBuilder sql = new StringBuilder(
                "SELECT " + EntryRows.COLUMNS + " FROM audit_entry WHERE workspace_id = $1");
        equal(sql, args, "entity_type", filter.entityType());
        equal(sql, args, "entity_id", filter.entityId());
        equal(sql, args, "event_name", filter.event());
        equal(sql, args, "actor", filter.actor());
        equal(sql, args, "action", filter.action());
        time(sql, args, " AND occurred_at >= $", filter.from());
        time(sql, args, " AND occurred_at < $", filter.to());
        if (keyset != null) {
            args.addLong(key);
            sql.append(" AND ").append(keyset).append('$').append(args.size());
        }
        args.addInteger(limit);
        sql.append(" ORDER BY sequence ").append(direction).append(" LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(args).map(EntryReader::entries);
    }

    private static void equal(StringBuilder sql, Tuple args, String column, String value) {
        if (value != null) {
            args.addString(value);
            sql.append(" AND ").append(column).append(" = $").append(args.size());
        }
    }

    private static void time(StringBuilder sql, Tuple args, String condition, java.time.Instant value) {
        if (value != null) {
            args.addOffsetDateTime(OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            sql.append(condition).append(args.size());
        }
    }
}
