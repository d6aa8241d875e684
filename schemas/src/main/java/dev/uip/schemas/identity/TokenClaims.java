package dev.uip.schemas.identity;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the caller out of a verified service token, the same way in every service. */
public final class TokenClaims {

    private TokenClaims() {
    }

    /**
     * The caller the token names.
     *
     * @throws IllegalArgumentException when it names no workspace, no actor or no known role
     */
    public static VerifiedCaller callerOf(JsonWebToken token) {
        return VerifiedCaller.of(text(token, ServiceTokens.WORKSPACE_CLAIM), token.getSubject(),
                text(token, ServiceTokens.ROLE_CLAIM));
    }

    /** A claim as text (a JSON string claim unwrapped), or null. */
    public static String text(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }
}
