package dev.uip.gateway.account.repository;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The first-run setup token, by its hash: replaced at each start without users, used once. */
@ApplicationScoped
public class SetupTokens {

    /** Drops every unused token and stores the new one. */
    public Uni<Void> replace(SqlClient sql, String tokenHash, Duration lifetime) {
        return sql.query("delete from setup_token where used_at is null").execute()
                .chain(() -> sql.preparedQuery("insert into setup_token (token_hash, expires_at)"
                        + " values ($1, now() + make_interval(secs => $2::float8))")
                        .execute(Tuple.of(tokenHash, Rows.seconds(lifetime))))
                .replaceWithVoid();
    }

    /** Marks the token used; answers whether it was there, unused and unexpired (only one caller ever gets true). */
    public Uni<Boolean> use(SqlClient sql, String tokenHash) {
        return sql.preparedQuery("update setup_token set used_at = now() where token_hash = $1 and used_at is null"
                + " and expires_at > now()").execute(Tuple.of(tokenHash)).map(rows -> rows.rowCount() == 1);
    }
}
