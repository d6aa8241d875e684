package dev.uip.definition.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.config.AuthConfig;
import dev.uip.definition.domain.UnauthenticatedException;
import dev.uip.definition.domain.WorkspaceNotFoundException;
import dev.uip.definition.domain.Workspaces;
import dev.uip.definition.repository.ApiCredentialRepository;
import dev.uip.schemas.keys.KeyFormat;

/** Works out the caller's workspace: from a management credential, or from the gateway's header when trusted. */
@ApplicationScoped
public class Callers {

    @Inject
    AuthConfig config;

    @Inject
    ApiCredentialRepository credentials;

    /** The workspace of a request to a workspace-implicit API (/v1/definitions...). */
    public Uni<String> workspace(String authorization, String headerWorkspace) {
        if (authorization != null) {
            return fromCredential(authorization);
        }
        if (!config.trustWorkspaceHeader()) {
            return Uni.createFrom().failure(missing());
        }
        return Uni.createFrom().item(Workspaces.checkId(
                headerWorkspace == null || headerWorkspace.isBlank() ? config.defaultWorkspace() : headerWorkspace));
    }

    /** The workspace of a request to /v1/workspaces/{ws}/...: another workspace than the credential's is a 404. */
    public Uni<String> workspaceOfPath(String authorization, String pathWorkspace) {
        Workspaces.checkId(pathWorkspace);
        if (authorization == null) {
            return config.trustWorkspaceHeader()
                    ? Uni.createFrom().item(pathWorkspace)
                    : Uni.createFrom().failure(missing());
        }
        return fromCredential(authorization).map(workspace -> {
            if (!workspace.equals(pathWorkspace)) {
                throw new WorkspaceNotFoundException("no workspace '" + pathWorkspace + "'");
            }
            return workspace;
        });
    }

    private Uni<String> fromCredential(String authorization) {
        String secret = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : null;
        if (secret == null || !KeyFormat.MANAGEMENT.isWellFormed(secret)) {
            return Uni.createFrom().failure(new UnauthenticatedException(
                    "Authorization must be 'Bearer <api credential>' with a well-formed uipm_ credential"));
        }
        return credentials.holderOf(KeyFormat.hash(secret)).map(holder -> {
            if (holder == null) {
                throw new UnauthenticatedException("unknown or revoked API credential");
            }
            return holder.workspaceId();
        });
    }

    private static UnauthenticatedException missing() {
        return new UnauthenticatedException("an 'Authorization: Bearer <api credential>' header is required");
    }
}
