package dev.uip.definition.quarantine.domain;

import java.time.Instant;

/**
 * Where the events of one release stand: still waiting for their outcome, released, still failing, to be retried
 * later (the check could not run), or released again by a later release (superseded).
 */
public record ReleaseProgress(String releaseId, String actor, Instant requestedAt, int requested, long pending,
        long released, long stillFailing, long retryLater, long superseded) {
}
