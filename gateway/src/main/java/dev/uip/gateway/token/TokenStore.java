package dev.uip.gateway.token;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.gateway.account.repository.Rows;
import dev.uip.schemas.identity.Role;

/** API tokens by the hash of their secret: issued, found (only while not revoked), listed, revoked. */
@ApplicationScoped
public class TokenStore {

    private static final String SELECT = "select t.id, t.workspace_id, t.user_id, u.email, t.name, t.role,"
            + " t.display_prefix, t.created_at, t.last_used_at from api_token t join app_user u on u.id = t.user_id";

    public Uni<Void> insert(SqlClient sql, ApiToken token, String hash) {
        return sql.preparedQuery("insert into api_token (id, workspace_id, user_id, name, role, token_hash,"
                + " display_prefix, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[]{token.id(), token.workspaceId(), token.userId(), token.name(),
                        token.role().roleName(), hash, token.displayPrefix(), Rows.time(token.createdAt())}))
                .replaceWithVoid();
    }

    /**
     * The unrevoked token with that hash whose owner is still a member of its workspace, with the lower of the
     * token's role and the owner's current role (a demoted member's tokens are demoted too); null otherwise.
     */
    public Uni<ApiToken> active(SqlClient sql, String hash) {
        return sql.preparedQuery("select t.id, t.workspace_id, t.user_id, u.email, t.name, t.display_prefix,"
                + " t.created_at, t.last_used_at, t.role as token_role, m.role as member_role from api_token t"
                + " join app_user u on u.id = t.user_id join membership m on m.workspace_id = t.workspace_id"
                + " and m.user_id = t.user_id where t.token_hash = $1 and t.revoked_at is null")
                .execute(Tuple.of(hash)).map(rows -> Rows.first(rows, row -> {
                    Role token = Rows.role(row, "token_role");
                    Role member = Rows.role(row, "member_role");
                    return token(row, token.includes(member) ? member : token);
                }));
    }

    /** Notes a use; at most once a minute per token, so that a busy script does not write on every call. */
    public Uni<Void> used(SqlClient sql, UUID id) {
        return sql.preparedQuery("update api_token set last_used_at = now() where id = $1"
                + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    /** The workspace's unrevoked tokens; of one member only when {@code userId} is not null. */
    public Uni<List<ApiToken>> list(SqlClient sql, String workspaceId, UUID userId) {
        return sql.preparedQuery(SELECT + " where t.workspace_id = $1 and ($2::uuid is null or t.user_id = $2)"
                + " and t.revoked_at is null order by t.created_at desc, t.id")
                .execute(Tuple.of(workspaceId, userId)).map(rows -> Rows.all(rows, row -> token(row, null)));
    }

    public Uni<Long> countActive(SqlClient sql, String workspaceId, UUID userId) {
        return sql.preparedQuery("select count(*) as n from api_token where workspace_id = $1 and user_id = $2"
                + " and revoked_at is null").execute(Tuple.of(workspaceId, userId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Revokes a token of the workspace (of one member only when {@code userId} is not null); whether there was one. */
    public Uni<Boolean> revoke(SqlClient sql, String workspaceId, UUID id, UUID userId) {
        return sql.preparedQuery("update api_token set revoked_at = coalesce(revoked_at, now()) where id = $2"
                + " and workspace_id = $1 and ($3::uuid is null or user_id = $3) and revoked_at is null")
                .execute(Tuple.of(workspaceId, id, userId)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Void> revokeOfMember(SqlClient sql, String workspaceId, UUID userId) {
        return sql.preparedQuery("update api_token set revoked_at = now() where workspace_id = $1 and user_id = $2"
                + " and revoked_at is null").execute(Tuple.of(workspaceId, userId)).replaceWithVoid();
    }

    /** The owner of a token (revoked or not), or null. */
    public Uni<UUID> ownerOf(SqlClient sql, UUID id) {
        return sql.preparedQuery("select user_id from api_token where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows, row -> row.getUUID("user_id")));
    }

    private static ApiToken token(Row row, Role role) {
        return new ApiToken(row.getUUID("id"), row.getString("workspace_id"), row.getUUID("user_id"),
                row.getString("email"), row.getString("name"), role != null ? role : Rows.role(row, "role"),
                row.getString("display_prefix"), Rows.instant(row, "created_at"), Rows.instant(row, "last_used_at"));
    }
}
