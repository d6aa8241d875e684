package dev.uip.audit.rest;

import java.time.Instant;

/** One audit entry as the API returns it; {@code before} and {@code after} are the entity as JSON text. */
public record AuditEntryView(String changeId, String workspaceId, String actor, String action, String entityType,
        String entityId, String before, String after, int version, Instant occurredAt, Instant recordedAt) {
}
