package dev.uip.gateway.account.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.gateway.account.domain.Member;
import dev.uip.gateway.account.domain.Membership;
import dev.uip.schemas.identity.Role;

/** Workspaces the gateway knows and who belongs to each with which role. */
@ApplicationScoped
public class MembershipStore {

    public static final String WORKSPACE_KEY = "workspace_pkey";

    /** Fails with a unique violation of {@link #WORKSPACE_KEY} when the id is taken. */
    public Uni<Void> insertWorkspace(SqlClient sql, String id, String name) {
        return sql.preparedQuery("insert into workspace (id, name) values ($1, $2)").execute(Tuple.of(id, name))
                .replaceWithVoid();
    }

    /** Adds the user to the workspace, or changes the role of a member (an accepted invitation may do both). */
    public Uni<Void> put(SqlClient sql, String workspaceId, UUID userId, Role role) {
        return sql.preparedQuery("insert into membership (workspace_id, user_id, role) values ($1, $2, $3)"
                + " on conflict (workspace_id, user_id) do update set role = excluded.role")
                .execute(Tuple.of(workspaceId, userId, role.roleName())).replaceWithVoid();
    }

    /** The user's workspaces, the first joined first. */
    public Uni<List<Membership>> ofUser(SqlClient sql, UUID userId) {
        return sql.preparedQuery("select m.workspace_id, w.name, m.role from membership m join workspace w"
                + " on w.id = m.workspace_id where m.user_id = $1 order by m.created_at, m.workspace_id")
                .execute(Tuple.of(userId))
                .map(rows -> Rows.all(rows, row -> new Membership(row.getString("workspace_id"),
                        row.getString("name"), Rows.role(row, "role"))));
    }

    /** The user's role in the workspace, or null when not a member. */
    public Uni<Role> role(SqlClient sql, String workspaceId, UUID userId) {
        return sql.preparedQuery("select role from membership where workspace_id = $1 and user_id = $2")
                .execute(Tuple.of(workspaceId, userId)).map(rows -> Rows.first(rows, row -> Rows.role(row, "role")));
    }

    public Uni<List<Member>> members(SqlClient sql, String workspaceId) {
        return sql.preparedQuery("select m.user_id, u.email, m.role from membership m join app_user u"
                + " on u.id = m.user_id where m.workspace_id = $1 order by u.email").execute(Tuple.of(workspaceId))
                .map(rows -> Rows.all(rows, MembershipStore::member));
    }

    /**
     * The workspace's members, each row locked until the transaction ends: changes of roles are serialised, so two
     * admins demoting each other at once cannot leave the workspace without one.
     */
    public Uni<List<Member>> lockMembers(SqlClient sql, String workspaceId) {
        return sql.preparedQuery("select m.user_id, u.email, m.role from membership m join app_user u"
                + " on u.id = m.user_id where m.workspace_id = $1 order by m.user_id for update of m")
                .execute(Tuple.of(workspaceId)).map(rows -> Rows.all(rows, MembershipStore::member));
    }

    public Uni<Void> setRole(SqlClient sql, String workspaceId, UUID userId, Role role) {
        return sql.preparedQuery("update membership set role = $3 where workspace_id = $1 and user_id = $2")
                .execute(Tuple.of(workspaceId, userId, role.roleName())).replaceWithVoid();
    }

    public Uni<Void> remove(SqlClient sql, String workspaceId, UUID userId) {
        return sql.preparedQuery("delete from membership where workspace_id = $1 and user_id = $2")
                .execute(Tuple.of(workspaceId, userId)).replaceWithVoid();
    }

    private static Member member(io.vertx.mutiny.sqlclient.Row row) {
        return new Member(row.getUUID("user_id"), row.getString("email"), Rows.role(row, "role"));
    }
}
