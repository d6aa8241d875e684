package dev.uip.audit.rest;

import java.time.Instant;

/**
 * One audit entry as the API returns it; {@code before} and {@code after} are the entity as JSON text, {@code sequence}
 * and {@code hash} its place in the workspace's hash chain.
 */
public record AuditEntryView(String changeId, String workspaceId, String actor, String action, String entityType,
        String entityId, String before, String after, int version, Instant occurredAt, Instant recordedAt,
        long sequence, String hash) {
}
