package dev.uip.gateway.account.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.account.domain.Member;
import dev.uip.gateway.account.repository.MembershipStore;
import dev.uip.gateway.identity.Principal;
import dev.uip.gateway.token.TokenStore;
import dev.uip.schemas.identity.Role;

/**
 * A workspace's members: listed, their role changed, removed (with their API tokens there revoked); the last admin can
 * be neither demoted nor removed.
 */
@ApplicationScoped
public class Members {

    @Inject
    Pool pool;

    @Inject
    MembershipStore memberships;

    @Inject
    TokenStore tokens;

    public Uni<List<Member>> list(Principal caller) {
        return memberships.members(pool, caller.workspace());
    }

    public Uni<Member> changeRole(Principal admin, UUID userId, Role role) {
        return pool.withTransaction(connection -> memberships.lockMembers(connection, admin.workspace())
                .chain(members -> {
                    Member target = target(members, userId);
                    if (role != Role.ADMIN) {
                        lastAdminStays(members, target);
                    }
                    return memberships.setRole(connection, admin.workspace(), userId, role)
                            .replaceWith(new Member(userId, target.email(), role));
                }));
    }

    public Uni<Void> remove(Principal admin, UUID userId) {
        return pool.withTransaction(connection -> memberships.lockMembers(connection, admin.workspace())
                .chain(members -> {
                    lastAdminStays(members, target(members, userId));
                    return memberships.remove(connection, admin.workspace(), userId)
                            .chain(() -> tokens.revokeOfMember(connection, admin.workspace(), userId));
                }));
    }

    private static Member target(List<Member> members, UUID userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> AccountException.notFound("no such member"));
    }

    private static void lastAdminStays(List<Member> members, Member target) {
        if (target.role() == Role.ADMIN && members.stream().filter(m -> m.role() == Role.ADMIN).count() == 1) {
            throw AccountException.conflict("LAST_ADMIN", "the workspace's last admin can be neither demoted nor "
                    + "removed; make someone else admin first");
        }
    }
}
