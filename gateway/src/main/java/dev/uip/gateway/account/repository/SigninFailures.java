package dev.uip.gateway.account.repository;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Failed sign-ins per email, in the database so that every gateway instance counts the same failures. */
@ApplicationScoped
public class SigninFailures {

    /**
     * In one transaction of {@code connection}: waits for other attempts on the same email, then answers the seconds
     * until the oldest of the last {@code max} failures within {@code window} leaves it (when there are {@code max}
     * of them: the attempt must wait), else records this attempt as a failure up front and answers 0.
     * Recording first means that parallel guesses are counted before any password is checked.
     */
    public Uni<Long> reserve(SqlConnection connection, String email, int max, Duration window) {
        double secs = Rows.seconds(window);
        return connection.preparedQuery("select 1 from (select pg_advisory_xact_lock(hashtext($1))) locked")
                .execute(Tuple.of(email))
                .chain(() -> connection.preparedQuery("select ceil(extract(epoch from failed_at"
                        + " + make_interval(secs => $2::float8) - now()))::bigint as wait from signin_failure"
                        + " where email = $1 and failed_at > now() - make_interval(secs => $2::float8)"
                        + " order by failed_at desc limit $3").execute(Tuple.of(email, secs, max)))
                .chain(rows -> {
                    if (rows.size() >= max) {
                        long wait = 1;
                        for (Row row : rows) {
                            wait = Math.max(1, row.getLong("wait"));
                        }
                        return Uni.createFrom().item(wait);
                    }
                    return connection.preparedQuery("insert into signin_failure (email) values ($1)")
                            .execute(Tuple.of(email)).replaceWith(0L);
                });
    }

    /** After a right password: the email starts afresh. */
    public Uni<Void> clear(SqlClient sql, String email) {
        return sql.preparedQuery("delete from signin_failure where email = $1").execute(Tuple.of(email))
                .replaceWithVoid();
    }

    /** Forgets failures that no longer count for anyone. */
    public Uni<Integer> purge(SqlClient sql, Duration window) {
        return sql
                .preparedQuery("delete from signin_failure where failed_at < now() - make_interval(secs => $1::float8)")
                .execute(Tuple.of(Rows.seconds(window))).map(rows -> rows.rowCount());
    }
}
