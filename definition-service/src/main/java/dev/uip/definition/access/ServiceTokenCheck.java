package dev.uip.definition.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import dev.uip.schemas.identity.Role;
import dev.uip.schemas.identity.ServiceTokens;
import dev.uip.schemas.names.WorkspaceIds;

/**
 * Refuses, as unauthenticated, a correctly signed token that is not a service token the gateway would sign: one
 * without a valid workspace, with a role the platform does not know, or with groups that are not that role's (so it is
 * a 401, never judged by groups alone).
 */
@ApplicationScoped
public class ServiceTokenCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String workspace = token.getClaim(ServiceTokens.WORKSPACE_CLAIM);
        String role = token.getClaim(ServiceTokens.ROLE_CLAIM);
        var known = Role.parse(role);
        // The groups decide @RolesAllowed: they must be exactly what the role claim says, as the gateway signs them.
        if (!WorkspaceIds.isValid(workspace) || known.isEmpty() || !known.get().groups().equals(token.getGroups())) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the service token names no valid workspace or role"));
        }
        return Uni.createFrom().item(identity);
    }
}
