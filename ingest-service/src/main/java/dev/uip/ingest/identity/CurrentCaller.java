package dev.uip.ingest.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;

import dev.uip.schemas.identity.TokenClaims;
import dev.uip.schemas.identity.VerifiedCaller;

/**
 * The caller of the current management request as the gateway's verified service token names it: workspace, actor,
 * role (the Segment edge authenticates by write key instead).
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    JsonWebToken token;

    private VerifiedCaller caller;

    /** The verified caller; a token without workspace, subject or a known role is refused as unauthenticated. */
    public VerifiedCaller get() {
        if (caller == null) {
            try {
                caller = TokenClaims.callerOf(token);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationFailedException("the service token names no workspace, actor or role");
            }
        }
        return caller;
    }
}
