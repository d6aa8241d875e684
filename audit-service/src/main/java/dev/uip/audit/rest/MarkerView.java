package dev.uip.audit.rest;

import java.time.Instant;

/** A governance change that touched an event, to mark on the event's trend chart at {@code time}. */
public record MarkerView(Instant time, String action, String entityType, String entityId, String actor,
        String summary, long sequence) {
}
