package dev.uip.gateway.account.service;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.uip.gateway.account.domain.Secrets;
import dev.uip.gateway.account.domain.SessionRecord;
import dev.uip.gateway.account.repository.SessionStore;
import dev.uip.gateway.config.IdentityConfig;
import dev.uip.gateway.identity.CsrfException;
import dev.uip.gateway.identity.UnauthenticatedException;

/**
 * Sessions and their cookie: opens one (a random id of which only the hash is stored, and a CSRF token), finds the
 * live session of a cookie, refuses a change without the session's CSRF token, and ends it.
 */
@ApplicationScoped
public class Sessions {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Pool pool;

    @Inject
    SessionStore store;

    @Inject
    IdentityConfig config;

    /** A session just opened: the cookie's value (shown once) and the CSRF token. */
    public record Opened(String cookie, String csrfToken) {
    }

    public Uni<Opened> open(SqlClient sql, UUID userId, String workspaceId) {
        Opened opened = new Opened(Secrets.random(), Secrets.random());
        return store.insert(sql, Secrets.hash(opened.cookie()), userId, workspaceId, opened.csrfToken(),
                config.session().idle(), config.session().absolute()).replaceWith(opened);
    }

    /** The live session of the cookie, kept alive; fails 401 without one, 403 CSRF_REFUSED for a change without the token. */
    public Uni<SessionRecord> require(String cookie, String csrfToken, String method) {
        if (!Secrets.plausible(cookie)) {
            return Uni.createFrom().failure(new UnauthenticatedException("sign in first"));
        }
        String idHash = Secrets.hash(cookie);
        return store.find(pool, idHash).chain(session -> {
            if (session == null) {
                return Uni.createFrom().failure(new UnauthenticatedException("the session has ended; sign in again"));
            }
            if (method == null || !SAFE_METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
                if (!Secrets.same(session.csrfToken(), csrfToken)) {
                    return Uni.createFrom().failure(new CsrfException("a change made with the session cookie needs "
                            + "the session's token in the X-CSRF-Token header"));
                }
            }
            return store.touch(pool, idHash, config.session().idle()).replaceWith(session);
        });
    }

    public Uni<Void> moveTo(SessionRecord session, String workspaceId) {
        return store.moveTo(pool, session.idHash(), workspaceId);
    }

    public Uni<Void> end(SessionRecord session) {
        return store.delete(pool, session.idHash());
    }

    /** The Set-Cookie value for a new session. */
    public String cookie(String value) {
        return cookie(value, config.session().absolute().toSeconds());
    }

    /** The Set-Cookie value that makes a browser forget the session cookie. */
    public String clearedCookie() {
        return cookie("", 0);
    }

    private String cookie(String value, long maxAgeSeconds) {
        return dev.uip.gateway.identity.CallerResolver.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age="
                + maxAgeSeconds + "; HttpOnly; SameSite=Lax" + (config.session().secureCookie() ? "; Secure" : "");
    }
}
