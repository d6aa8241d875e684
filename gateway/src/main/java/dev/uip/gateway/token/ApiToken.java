package dev.uip.gateway.token;

import java.time.Instant;
import java.util.UUID;

import dev.uip.schemas.identity.Role;

/** A personal API token as stored (never its secret): whose it is, where it acts, with which role, and its use. */
public record ApiToken(UUID id, String workspaceId, UUID userId, String ownerEmail, String name, Role role,
        String displayPrefix, Instant createdAt, Instant lastUsedAt) {

    /** The actor of this token in service tokens and change events. */
    public String actor() {
        return dev.uip.schemas.identity.ServiceTokens.TOKEN_PREFIX + id;
    }
}
