package dev.uip.gateway.account.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

import dev.uip.schemas.identity.Role;

/** Reading and writing the column types the account tables share. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    public static Role role(Row row, String column) {
        return Role.parse(row.getString(column)).orElseThrow(() -> new IllegalStateException("unknown role stored"));
    }

    /** Seconds as PostgreSQL's {@code make_interval(secs => $n::float8)} takes them. */
    public static double seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(map.apply(row));
        }
        return list;
    }

    public static <T> T first(RowSet<Row> rows, Function<Row, T> map) {
        var it = rows.iterator();
        return it.hasNext() ? map.apply(it.next()) : null;
    }

    /** Whether a failure is PostgreSQL's unique violation of {@code constraint}. */
    public static boolean uniqueViolation(Throwable failure, String constraint) {
        return failure instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                && (constraint == null || constraint.equals(pg.getConstraint()));
    }
}
