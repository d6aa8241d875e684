package dev.uip.audit.rest;

import java.time.Instant;
import java.util.List;

import dev.uip.audit.domain.JsonDiff;

/**
 * One audit entry with what it changed: {@code diff} lists each JSON value that differs between {@code before} and
 * {@code after} (JSON Pointer paths; at most 100, {@code diffTruncated} when more differ).
 */
public record EntryDetailView(long sequence, String changeId, String workspaceId, String actor, String action,
        String entityType, String entityId, String eventName, String before, String after, int version,
        Instant occurredAt, Instant recordedAt, String hash, List<JsonDiff.Difference> diff, boolean diffTruncated) {
}
