package dev.uip.definition.rest;

import java.time.Instant;

import dev.uip.definition.domain.UnplannedPolicy;

/** A workspace's settings. */
public record WorkspaceView(String id, String name, UnplannedPolicy unplannedEvents, Instant createdAt,
        Instant updatedAt) {
}
