package dev.uip.gateway.account.repository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.gateway.account.domain.Invitation;
import dev.uip.schemas.identity.Role;

/** Invitations to a workspace by the hash of their token: made, listed while open, withdrawn, accepted once. */
@ApplicationScoped
public class InvitationStore {

    private static final String COLUMNS = "id, workspace_id, email, role, created_at, expires_at";

    public Uni<Invitation> insert(SqlClient sql, String workspaceId, String email, Role role, String tokenHash,
            String invitedBy, Duration lifetime) {
        return sql.preparedQuery("insert into invitation (id, workspace_id, email, role, token_hash, invited_by,"
                + " expires_at) values ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::float8))"
                + " returning " + COLUMNS)
                .execute(Tuple.from(new Object[]{UUID.randomUUID(), workspaceId, email, role.roleName(), tokenHash,
                        invitedBy, Rows.seconds(lifetime)}))
                .map(rows -> Rows.first(rows, InvitationStore::invitation));
    }

    /** The workspace's invitations that can still be accepted, newest first. */
    public Uni<List<Invitation>> open(SqlClient sql, String workspaceId) {
        return sql.preparedQuery("select " + COLUMNS + " from invitation where workspace_id = $1"
                + " and accepted_at is null and expires_at > now() order by created_at desc")
                .execute(Tuple.of(workspaceId)).map(rows -> Rows.all(rows, InvitationStore::invitation));
    }

    public Uni<Long> countOpen(SqlClient sql, String workspaceId) {
        return sql.preparedQuery("select count(*) as n from invitation where workspace_id = $1"
                + " and accepted_at is null and expires_at > now()")
                .execute(Tuple.of(workspaceId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Whether an invitation of that workspace was there to withdraw. */
    public Uni<Boolean> delete(SqlClient sql, String workspaceId, UUID id) {
        return sql.preparedQuery("delete from invitation where workspace_id = $1 and id = $2")
                .execute(Tuple.of(workspaceId, id)).map(rows -> rows.rowCount() > 0);
    }

    /** The open invitation with that token hash, locked until the transaction ends (so it is accepted once), or null. */
    public Uni<Invitation> lockOpen(SqlClient sql, String tokenHash) {
        return sql.preparedQuery("select " + COLUMNS + " from invitation where token_hash = $1"
                + " and accepted_at is null and expires_at > now() for update")
                .execute(Tuple.of(tokenHash)).map(rows -> Rows.first(rows, InvitationStore::invitation));
    }

    public Uni<Void> accepted(SqlClient sql, UUID id) {
        return sql.preparedQuery("update invitation set accepted_at = now() where id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** Forgets invitations that were accepted or ran out more than a day ago. */
    public Uni<Integer> purge(SqlClient sql) {
        return sql.query("delete from invitation where (accepted_at is not null or expires_at < now())"
                + " and coalesce(accepted_at, expires_at) < now() - interval '1 day'").execute()
                .map(rows -> rows.rowCount());
    }

    private static Invitation invitation(Row row) {
        return new Invitation(row.getUUID("id"), row.getString("workspace_id"), row.getString("email"),
                Rows.role(row, "role"), Rows.instant(row, "created_at"), Rows.instant(row, "expires_at"));
    }
}
