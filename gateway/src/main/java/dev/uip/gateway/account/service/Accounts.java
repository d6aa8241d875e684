package dev.uip.gateway.account.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.uip.gateway.account.client.DefinitionWorkspaces;
import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.account.domain.AccountRules;
import dev.uip.gateway.account.domain.Membership;
import dev.uip.gateway.account.domain.Secrets;
import dev.uip.gateway.account.domain.SessionRecord;
import dev.uip.gateway.account.domain.SignedIn;
import dev.uip.gateway.account.domain.User;
import dev.uip.gateway.account.repository.MembershipStore;
import dev.uip.gateway.account.repository.Rows;
import dev.uip.gateway.account.repository.SetupTokens;
import dev.uip.gateway.account.repository.SigninFailures;
import dev.uip.gateway.account.repository.UserStore;
import dev.uip.gateway.config.IdentityConfig;
import dev.uip.schemas.identity.Role;

/**
 * Accounts: sign-up (a new workspace and its first admin), first-run setup (the same, with the one-time token),
 * sign-in under the rate limit, and what a session shows and switches to.
 */
@ApplicationScoped
public class Accounts {

    @Inject
    Pool pool;

    @Inject
    UserStore users;

    @Inject
    MembershipStore memberships;

    @Inject
    SigninFailures failures;

    @Inject
    SetupTokens setupTokens;

    @Inject
    PasswordHasher hasher;

    @Inject
    Sessions sessions;

    @Inject
    DefinitionWorkspaces definition;

    @Inject
    FirstRun firstRun;

    @Inject
    IdentityConfig config;

    /** The input of sign-up and setup, checked. */
    public record NewOwner(String email, String password, String workspaceId, String workspaceName) {

        public static NewOwner of(String email, String password, String workspaceId, String workspaceName) {
            String id = AccountRules.workspaceId(workspaceId);
            return new NewOwner(AccountRules.email(email), AccountRules.newPassword(password), id,
                    AccountRules.name(workspaceName == null ? id : workspaceName, "a workspace name"));
        }
    }

    public Uni<SignedIn> signup(NewOwner owner) {
        if (!config.signup().open()) {
            return Uni.createFrom().failure(new AccountException(403, "SIGNUP_CLOSED", "sign-up is closed here; "
                    + "ask an admin of a workspace for an invitation"));
        }
        return hasher.hash(owner.password())
                .chain(hash -> pool.withTransaction(connection -> createOwner(connection, owner, hash)))
                .onFailure().transform(Accounts::conflicts);
    }

    public Uni<SignedIn> setup(String token, NewOwner owner) {
        if (!Secrets.plausible(token)) {
            return Uni.createFrom().failure(invalidSetupToken());
        }
        return hasher.hash(owner.password())
                .chain(hash -> pool.withTransaction(connection -> setupTokens.use(connection, Secrets.hash(token))
                        .chain(valid -> valid
                                ? createOwner(connection, owner, hash)
                                : Uni.createFrom().failure(invalidSetupToken()))))
                .invoke(firstRun::forget)
                .onFailure().transform(Accounts::conflicts);
    }

    // In one transaction: if definition-service refuses the workspace, no user, membership or session is left.
    private Uni<SignedIn> createOwner(SqlConnection connection, NewOwner owner, String passwordHash) {
        return users.insert(connection, owner.email(), passwordHash)
                .call(user -> memberships.insertWorkspace(connection, owner.workspaceId(), owner.workspaceName()))
                .call(user -> memberships.put(connection, owner.workspaceId(), user.id(), Role.ADMIN))
                .call(user -> definition.create(owner.workspaceId(), owner.workspaceName(), user.actor(),
                        user.email()))
                .chain(user -> sessions.open(connection, user.id(), owner.workspaceId()).map(opened -> {
                    Membership admin = new Membership(owner.workspaceId(), owner.workspaceName(), Role.ADMIN);
                    return new SignedIn(user, admin, List.of(admin), opened.csrfToken(), opened.cookie());
                }));
    }

    public Uni<SignedIn> signin(String email, String password, String workspaceId) {
        String address = AccountRules.email(email);
        AccountRules.givenPassword(password);
        if (workspaceId != null) {
            AccountRules.workspaceId(workspaceId);
        }
        return verify(address, password).chain(user -> memberships.ofUser(pool, user.id()).chain(all -> {
            Membership current = workspaceId == null ? (all.isEmpty() ? null : all.get(0)) : find(all, workspaceId);
            return sessions.open(pool, user.id(), current == null ? null : current.workspaceId())
                    .map(opened -> new SignedIn(user, current, all, opened.csrfToken(), opened.cookie()));
        }));
    }

    /**
     * The account of {@code email} if {@code password} is its password, under the rate limit: fails 429 once the
     * email has had the configured number of failures within the window (even with the right password), else 401
     * INVALID_CREDENTIALS alike for an unknown email and a wrong password.
     */
    public Uni<User> verify(String email, String password) {
        IdentityConfig.Signin limit = config.signin();
        return pool.withTransaction(connection -> failures.reserve(connection, email, limit.maxFailures(),
                limit.window()))
                .chain(wait -> wait > 0
                        ? Uni.createFrom().failure(AccountException.tooManyAttempts(wait))
                        : users.byEmail(pool, email))
                .chain(user -> hasher.matches(password, user == null ? null : user.passwordHash())
                        .chain(right -> right
                                ? failures.clear(pool, email).replaceWith(user)
                                : Uni.createFrom().failure(AccountException.invalidCredentials())));
    }

    /** What a session shows: its user, workspace and role there, and all the user's workspaces. */
    public Uni<SignedIn> view(SessionRecord session) {
        return memberships.ofUser(pool, session.user().id()).map(all -> new SignedIn(session.user(),
                session.workspaceId() == null
                        ? null
                        : all.stream()
                                .filter(m -> m.workspaceId().equals(session.workspaceId())).findFirst().orElse(null),
                all, session.csrfToken(), null));
    }

    /** Moves the session to another of the user's workspaces; 404 for one the user does not belong to. */
    public Uni<SignedIn> switchTo(SessionRecord session, String workspaceId) {
        UUID user = session.user().id();
        return memberships.ofUser(pool, user).chain(all -> {
            Membership target = find(all, AccountRules.workspaceId(workspaceId));
            return sessions.moveTo(session, target.workspaceId())
                    .replaceWith(new SignedIn(session.user(), target, all, session.csrfToken(), null));
        });
    }

    private static Membership find(List<Membership> all, String workspaceId) {
        return all.stream().filter(m -> m.workspaceId().equals(workspaceId)).findFirst()
                .orElseThrow(() -> AccountException.notFound("you are not a member of that workspace"));
    }

    static Throwable conflicts(Throwable failure) {
        if (Rows.uniqueViolation(failure, UserStore.EMAIL_KEY)) {
            return AccountException.conflict("EMAIL_TAKEN", "an account with this email exists already; sign in");
        }
        if (Rows.uniqueViolation(failure, MembershipStore.WORKSPACE_KEY)) {
            return DefinitionWorkspaces.workspaceTaken();
        }
        return failure;
    }

    private static AccountException invalidSetupToken() {
        return new AccountException(401, "INVALID_SETUP_TOKEN", "the setup link is unknown, used or expired");
    }
}
