package dev.uip.gateway.account.domain;

import java.util.UUID;

import dev.uip.schemas.identity.Role;

/** One member of a workspace, as the member list shows it. */
public record Member(UUID userId, String email, Role role) {
}
