package dev.uip.gateway.account.domain;

import java.time.Instant;

/**
 * A live session as stored (its id only as a hash), with its user; {@code workspaceId} is null when the user belongs
 * to no workspace.
 */
public record SessionRecord(String idHash, User user, String workspaceId, String csrfToken, Instant idleExpiresAt) {
}
