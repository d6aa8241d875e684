package dev.uip.gateway.account.domain;

import dev.uip.schemas.identity.Role;

/** A user's role in one workspace, with the workspace's display name. */
public record Membership(String workspaceId, String workspaceName, Role role) {
}
