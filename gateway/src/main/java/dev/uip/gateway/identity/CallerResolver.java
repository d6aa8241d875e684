package dev.uip.gateway.identity;

import io.smallrye.mutiny.Uni;

/**
 * Verifies the credential of a request to the gateway: an API token ({@code Authorization: Bearer uipm_...}) or a
 * session cookie, which for a change ({@code method} other than GET, HEAD, OPTIONS) also needs the session's CSRF
 * token in {@code X-CSRF-Token}. Fails with {@link UnauthenticatedException} (401) when there is no valid credential
 * and with {@link CsrfException} (403) when a session change lacks the right CSRF token.
 */
public interface CallerResolver {

    /** The header of an API token. */
    String AUTHORIZATION = "Authorization";
    /** The session cookie. */
    String SESSION_COOKIE = "uip_session";
    /** The header with the session's CSRF token. */
    String CSRF_HEADER = "X-CSRF-Token";

    /**
     * The verified principal of a request.
     *
     * @param authorization the Authorization header, or null
     * @param sessionCookie the value of the session cookie, or null
     * @param csrfToken the X-CSRF-Token header, or null
     * @param method the HTTP method
     */
    Uni<Principal> resolve(String authorization, String sessionCookie, String csrfToken, String method);
}
