package dev.uip.definition.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.uip.definition.domain.UnauthenticatedException;
import dev.uip.definition.domain.WorkspaceNotFoundException;
import dev.uip.definition.domain.Workspaces;
import dev.uip.schemas.identity.ServiceTokens;
import dev.uip.schemas.identity.VerifiedCaller;
import dev.uip.schemas.names.WorkspaceIds;

/**
 * The verified caller of the current request, read once from the gateway's service token: the workspace every query
 * and change is scoped to, and the actor recorded in every change. Nothing else (header, path, body) names them.
 */
@RequestScoped
public class CallerContext {

    @Inject
    JsonWebToken token;

    private VerifiedCaller caller;

    /** The caller; a verified token without a usable workspace, subject or role is refused as unauthenticated. */
    public VerifiedCaller caller() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    /** The workspace the call acts in. */
    public String workspace() {
        return caller().workspace();
    }

    /** The actor recorded in changes: the token's subject ({@code user:<id>} or {@code token:<id>}). */
    public String actor() {
        return caller().actor();
    }

    /** A name to show for the actor (a user's email, a token's name); the subject when the token has none. */
    public String actorName() {
        String name = token.getClaim(ServiceTokens.ACTOR_NAME_CLAIM);
        return name == null || name.isBlank() ? actor() : name;
    }

    /**
     * The caller's workspace when a path names it ({@code /v1/workspaces/{ws}/...}): a malformed id is a 400, another
     * workspace than the caller's a 404, exactly as if it did not exist.
     */
    public String workspaceOfPath(String pathWorkspace) {
        Workspaces.checkId(pathWorkspace);
        String own = workspace();
        if (!own.equals(pathWorkspace)) {
            throw new WorkspaceNotFoundException("no workspace '" + pathWorkspace + "'");
        }
        return own;
    }

    private VerifiedCaller read() {
        if (token == null || token.getRawToken() == null) {
            throw new UnauthenticatedException("an 'Authorization: Bearer <service token>' header is required");
        }
        String workspace = token.getClaim(ServiceTokens.WORKSPACE_CLAIM);
        String role = token.getClaim(ServiceTokens.ROLE_CLAIM);
        if (!WorkspaceIds.isValid(workspace)) {
            throw new UnauthenticatedException("the service token names no valid workspace");
        }
        try {
            return VerifiedCaller.of(workspace, token.getSubject(), role);
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("the service token lacks a subject or a known role");
        }
    }
}
