package dev.uip.audit.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;

import dev.uip.schemas.identity.TokenClaims;
import dev.uip.schemas.identity.VerifiedCaller;

/** The caller of the current request as the gateway's verified service token names it: workspace, actor, role. */
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

    /**
     * The caller's workspace when {@code named} (from a path) is it; any other workspace is answered 404, exactly as
     * one that does not exist.
     */
    public String workspace(String named) {
        String workspace = get().workspace();
        if (!workspace.equals(named)) {
            throw new NotFoundException("no such workspace");
        }
        return workspace;
    }

}
