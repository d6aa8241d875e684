package dev.uip.gateway.account.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.account.domain.AccountRules;
import dev.uip.gateway.account.domain.Invitation;
import dev.uip.gateway.account.domain.Secrets;
import dev.uip.gateway.account.domain.SignedIn;
import dev.uip.gateway.account.domain.User;
import dev.uip.gateway.account.repository.InvitationStore;
import dev.uip.gateway.account.repository.MembershipStore;
import dev.uip.gateway.account.repository.UserStore;
import dev.uip.gateway.config.IdentityConfig;
import dev.uip.gateway.identity.Principal;
import dev.uip.schemas.identity.Role;

/** Invitations: an admin invites an email with a role; whoever holds the token and that email joins, once. */
@ApplicationScoped
public class Invitations {

    @Inject
    Pool pool;

    @Inject
    InvitationStore store;

    @Inject
    MembershipStore memberships;

    @Inject
    UserStore users;

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    Sessions sessions;

    @Inject
    IdentityConfig config;

    /** An invitation just made, with its token (shown once). */
    public record Issued(Invitation invitation, String token) {
    }

    public Uni<Issued> invite(Principal admin, String email, String role) {
        String address = AccountRules.email(email);
        Role granted = AccountRules.role(role);
        String token = Secrets.random();
        String workspace = admin.workspace();
        return pool.withTransaction(connection -> memberships.members(connection, workspace).chain(members -> {
            if (members.stream().anyMatch(m -> m.email().equals(address))) {
                return Uni.createFrom().failure(AccountException.conflict("ALREADY_MEMBER",
                        "this email is a member of the workspace already"));
            }
            return store.countOpen(connection, workspace);
        }).chain(open -> {
            if (open >= config.invitations().maxOpenPerWorkspace()) {
                return Uni.createFrom().failure(AccountException.conflict("TOO_MANY_INVITATIONS", "the workspace has "
                        + open + " open invitations; withdraw some first"));
            }
            return store.insert(connection, workspace, address, granted, Secrets.hash(token), admin.actor(),
                    config.invitations().lifetime());
        })).map(invitation -> new Issued(invitation, token));
    }

    public Uni<List<Invitation>> open(Principal admin) {
        return store.open(pool, admin.workspace());
    }

    public Uni<Void> withdraw(Principal admin, UUID id) {
        return store.delete(pool, admin.workspace(), id).map(found -> {
            if (!found) {
                throw AccountException.notFound("no such invitation");
            }
            return null;
        });
    }

    /**
     * Joins the invitation's workspace with its role and opens a session there: a new email gets an account with
     * {@code password}; an existing account must give its password (under the sign-in rate limit).
     */
    public Uni<SignedIn> accept(String token, String email, String password) {
        if (!Secrets.plausible(token)) {
            return Uni.createFrom().failure(noInvitation());
        }
        String address = AccountRules.email(email);
        AccountRules.givenPassword(password);
        String tokenHash = Secrets.hash(token);
        // A cheap look first, so that an unknown token costs no password hash and no sign-in failure.
        return store.lockOpen(pool, tokenHash).chain(found -> {
            if (found == null) {
                return Uni.createFrom().failure(noInvitation());
            }
            if (!found.email().equals(address)) {
                return Uni.createFrom().failure(AccountException.badRequest("this invitation is for another email"));
            }
            return users.byEmail(pool, address);
        }).chain(existing -> existing != null
                ? accounts.verify(address, password).map(user -> new Joining(user, null))
                : hasher.hash(AccountRules.newPassword(password)).map(hash -> new Joining(null, hash)))
                .chain(joining -> pool.withTransaction(connection -> store.lockOpen(connection, tokenHash)
                        .chain(invitation -> {
                            if (invitation == null) {
                                return Uni.createFrom().failure(noInvitation());
                            }
                            Uni<User> user = joining.user() != null
                                    ? Uni.createFrom().item(joining.user())
                                    : users.insert(connection, address, joining.passwordHash());
                            return user.call(u -> memberships.put(connection, invitation.workspaceId(), u.id(),
                                    invitation.role()))
                                    .call(u -> store.accepted(connection, invitation.id()))
                                    .chain(u -> sessions.open(connection, u.id(), invitation.workspaceId())
                                            .chain(opened -> memberships.ofUser(connection, u.id())
                                                    .map(all -> new SignedIn(u, all.stream()
                                                            .filter(m -> m.workspaceId()
                                                                    .equals(invitation.workspaceId()))
                                                            .findFirst().orElseThrow(), all, opened.csrfToken(),
                                                            opened.cookie()))));
                        })))
                .onFailure().transform(Accounts::conflicts);
    }

    private record Joining(User user, String passwordHash) {
    }

    private static AccountException noInvitation() {
        return new AccountException(404, "INVITATION_NOT_FOUND", "the invitation is unknown, used, withdrawn or "
                + "expired");
    }
}
