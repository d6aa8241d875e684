package dev.uip.definition.rest;

import java.time.Instant;

/** A write key as lists show it; {@code key} is set only in the answer that issues it. */
public record WriteKeyView(String id, String workspace, String name, String prefix, String key, Instant createdAt,
        String createdBy, Instant revokedAt, String replacedBy) {
}
