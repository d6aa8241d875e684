package dev.uip.gateway.proxy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

import dev.uip.gateway.identity.CallerResolver;
import dev.uip.gateway.identity.CsrfException;
import dev.uip.gateway.identity.Principal;
import dev.uip.gateway.identity.UnauthenticatedException;
import dev.uip.schemas.identity.Role;

/**
 * A caller resolver for the proxy's tests only (enabled by {@link ProxyTestProfile}, nowhere else): {@code
 * Authorization: Test <workspace> <role> <actor>} is a bearer caller; the cookie {@code uip_session=<workspace>.<role>.
 * <id>} a session of {@code user:<id>} whose changes need {@code X-CSRF-Token: }{@value #CSRF}; {@value #HANGS} and
 * {@value #BROKEN} stand for a resolver that cannot answer; anything else is unauthenticated.
 */
@Alternative
@ApplicationScoped
public class HeaderCallerResolver implements CallerResolver {

    static final String CSRF = "csrf-ok";
    /** A credential whose check never ends, as when the resolver's database hangs. */
    static final String HANGS = "Test hangs";
    /** A credential whose check fails with something else than a refusal, as when the database is down. */
    static final String BROKEN = "Test broken";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public Uni<Principal> resolve(String authorization, String sessionCookie, String csrfToken, String method) {
        if (HANGS.equals(authorization)) {
            return Uni.createFrom().nothing();
        }
        if (BROKEN.equals(authorization)) {
            return Uni.createFrom().failure(new IllegalStateException("the sessions' database is gone"));
        }
        return Uni.createFrom().item(() -> principal(authorization, sessionCookie, csrfToken, method));
    }

    private static Principal principal(String authorization, String sessionCookie, String csrfToken, String method) {
        if (authorization != null && authorization.startsWith("Test ")) {
            String[] parts = authorization.split(" ");
            if (parts.length == 4) {
                return new Principal(parts[1], parts[3], parts[3] + "@example.com", role(parts[2]), false);
            }
        }
        if (sessionCookie != null) {
            String[] parts = sessionCookie.split("\\.");
            if (parts.length == 3) {
                if (!SAFE.contains(method) && !CSRF.equals(csrfToken)) {
                    throw new CsrfException("a change with the session cookie needs its CSRF token");
                }
                return new Principal(parts[0], "user:" + parts[2], parts[2] + "@example.com", role(parts[1]), true);
            }
        }
        throw new UnauthenticatedException("no valid credential");
    }

    private static Role role(String name) {
        return Role.parse(name).orElseThrow(() -> new UnauthenticatedException("no such role"));
    }
}
