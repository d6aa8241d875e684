package dev.uip.definition.quarantine.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.quarantine.domain.QuarantineFilter;

/** Turns a filter into a WHERE clause with numbered parameters; the workspace is always the first parameter. */
final class FilterSql {

    private final StringBuilder where = new StringBuilder("workspace_id = $1");
    private final List<Object> params = new ArrayList<>();

    private FilterSql(String workspaceId) {
        params.add(workspaceId);
    }

    static FilterSql of(String workspaceId, QuarantineFilter filter) {
        FilterSql sql = new FilterSql(workspaceId);
        if (filter.event() != null) {
            sql.and("event_name = ", filter.event());
        }
        if (filter.reason() != null) {
            sql.and("reason = ", filter.reason());
        }
        if (filter.path() != null) {
            sql.param(filter.path());
            sql.where.append(" and violation_paths @> array[$").append(sql.params.size()).append("]::text[]");
        }
        if (filter.from() != null) {
            sql.and("quarantined_at >= ", time(filter.from()));
        }
        if (filter.to() != null) {
            sql.and("quarantined_at < ", time(filter.to()));
        }
        if (filter.status() != null) {
            sql.and("status = ", filter.status().name());
        }
        if (filter.messageIds() != null) {
            sql.param(filter.messageIds().toArray(new String[0]));
            sql.where.append(" and message_id = any($").append(sql.params.size()).append(')');
        }
        return sql;
    }

    /** Adds a parameter and returns its placeholder, e.g. {@code $4}. */
    String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    String where() {
        return where.toString();
    }

    Tuple tuple() {
        return Tuple.from(params);
    }

    static Object time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private void and(String condition, Object value) {
        params.add(value);
        where.append(" and ").append(condition).append('$').append(params.size());
    }
}
