package dev.uip.gateway.identity;

import dev.uip.schemas.identity.Role;

/**
 * Who a request to the gateway comes from, once verified: the workspace it acts in, the actor (a user's subject
 * {@code user:<id>} or an API token's {@code token:<id>}), a name to show for the actor, and the role there.
 *
 * @param session whether a session cookie (not a bearer token) authenticated it, so a change needs the CSRF token
 */
public record Principal(String workspace, String actor, String actorName, Role role, boolean session) {

    public Principal {
        if (workspace == null || actor == null || actorName == null || role == null) {
            throw new IllegalArgumentException("a principal needs a workspace, an actor, its name and a role");
        }
    }
}
