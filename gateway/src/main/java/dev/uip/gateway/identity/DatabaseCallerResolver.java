package dev.uip.gateway.identity;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.uip.gateway.account.repository.MembershipStore;
import dev.uip.gateway.account.service.Sessions;
import dev.uip.gateway.token.Tokens;
import dev.uip.schemas.keys.KeyFormat;

/**
 * The caller of a request from the gateway's database: a bearer API token acts as {@code token:<id>} with its role
 * in its workspace; a session cookie as {@code user:<id>} with the user's current role in the session's workspace.
 * Nothing is cached, so a revoked token, an ended session or a removed member is refused from the next request on.
 */
@ApplicationScoped
public class DatabaseCallerResolver implements CallerResolver {

    private static final String BEARER = "bearer ";

    @Inject
    Pool pool;

    @Inject
    Tokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    MembershipStore memberships;

    @Override
    public Uni<Principal> resolve(String authorization, String sessionCookie, String csrfToken, String method) {
        if (authorization != null) {
            // A request that names a credential is judged by it alone, never by a cookie it also carries.
            String secret = authorization.length() > BEARER.length()
                    && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
                            ? authorization.substring(BEARER.length()).strip()
                            : null;
            if (!KeyFormat.MANAGEMENT.isWellFormed(secret)) {
                return Uni.createFrom().failure(new UnauthenticatedException("expected an API token: "
                        + "Authorization: Bearer uipm_..."));
            }
            return tokens.principal(secret);
        }
        if (sessionCookie == null) {
            return Uni.createFrom().failure(new UnauthenticatedException("sign in, or send an API token"));
        }
        return sessions.require(sessionCookie, csrfToken, method).chain(session -> {
            if (session.workspaceId() == null) {
                return Uni.createFrom().failure(new UnauthenticatedException("you are not a member of any workspace"));
            }
            return memberships.role(pool, session.workspaceId(), session.user().id()).map(role -> {
                if (role == null) {
                    throw new UnauthenticatedException("you are no longer a member of this workspace");
                }
                return new Principal(session.workspaceId(), session.user().actor(), session.user().email(), role,
                        true);
            });
        });
    }
}
