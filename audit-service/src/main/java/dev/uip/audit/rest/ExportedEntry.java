package dev.uip.audit.rest;

import java.time.Instant;

/** One audit entry as an export line (NDJSON object or CSV row, in this order). */
public record ExportedEntry(long sequence, String changeId, String workspaceId, String actor, String action,
        String entityType, String entityId, String eventName, int version, Instant occurredAt, Instant recordedAt,
        String hash, String before, String after) {
}
