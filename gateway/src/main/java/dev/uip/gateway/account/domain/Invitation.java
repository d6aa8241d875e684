package dev.uip.gateway.account.domain;

import java.time.Instant;
import java.util.UUID;

import dev.uip.schemas.identity.Role;

/** An open invitation to join a workspace with a role; its token is stored only as a hash. */
public record Invitation(UUID id, String workspaceId, String email, Role role, Instant createdAt, Instant expiresAt) {
}
