package dev.uip.gateway.account.repository;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.gateway.account.domain.SessionRecord;

/** Sessions by the hash of their id: opened, found while neither idle nor too old, kept alive, moved, ended. */
@ApplicationScoped
public class SessionStore {

    public Uni<Void> insert(SqlClient sql, String idHash, UUID userId, String workspaceId, String csrfToken,
            Duration idle, Duration absolute) {
        return sql.preparedQuery("insert into session (id_hash, user_id, workspace_id, csrf_token, idle_expires_at,"
                + " expires_at) values ($1, $2, $3, $4, now() + make_interval(secs => $5::float8),"
                + " now() + make_interval(secs => $6::float8))")
                .execute(Tuple.from(new Object[]{idHash, userId, workspaceId, csrfToken, Rows.seconds(idle),
                        Rows.seconds(absolute)}))
                .replaceWithVoid();
    }

    /** The live session with that id hash, or null. */
    public Uni<SessionRecord> find(SqlClient sql, String idHash) {
        return sql.preparedQuery("select s.id_hash, s.workspace_id, s.csrf_token, s.idle_expires_at, u.id, u.email,"
                + " u.password_hash from session s join app_user u on u.id = s.user_id where s.id_hash = $1"
                + " and s.idle_expires_at > now() and s.expires_at > now()")
                .execute(Tuple.of(idHash)).map(rows -> Rows.first(rows, SessionStore::session));
    }

    /**
     * Moves the idle expiry on; only when at least a minute has passed since it was last moved, so that a busy
     * session is not written on every request.
     */
    public Uni<Void> touch(SqlClient sql, String idHash, Duration idle) {
        return sql.preparedQuery("update session set idle_expires_at = least(expires_at, now()"
                + " + make_interval(secs => $2::float8)) where id_hash = $1"
                + " and idle_expires_at < now() + make_interval(secs => $2::float8) - interval '1 minute'")
                .execute(Tuple.of(idHash, Rows.seconds(idle))).replaceWithVoid();
    }

    public Uni<Void> moveTo(SqlClient sql, String idHash, String workspaceId) {
        return sql.preparedQuery("update session set workspace_id = $2 where id_hash = $1")
                .execute(Tuple.of(idHash, workspaceId)).replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient sql, String idHash) {
        return sql.preparedQuery("delete from session where id_hash = $1").execute(Tuple.of(idHash)).replaceWithVoid();
    }

    /** Forgets sessions past their expiry (of anyone), so the table holds live sessions only. */
    public Uni<Integer> purgeExpired(SqlClient sql) {
        return sql.query("delete from session where expires_at < now() or idle_expires_at < now()").execute()
                .map(rows -> rows.rowCount());
    }

    private static SessionRecord session(Row row) {
        return new SessionRecord(row.getString("id_hash"), UserStore.user(row), row.getString("workspace_id"),
                row.getString("csrf_token"), Rows.instant(row, "idle_expires_at"));
    }

}
