package dev.uip.definition.rest;

import java.time.Instant;

/** A management API credential as lists show it; {@code key} is set only in the answer that issues it. */
public record CredentialView(String id, String workspace, String name, String prefix, String key, Instant createdAt,
        String createdBy, Instant revokedAt) {
}
