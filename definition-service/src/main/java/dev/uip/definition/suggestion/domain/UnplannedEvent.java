package dev.uip.definition.suggestion.domain;

import java.time.Instant;

/**
 * A tracked unplanned event with its volumes (unplanned plus quarantined as UNKNOWN_EVENT).
 *
 * @param event the event name
 * @param firstSeen the earliest sample or minute seen (kept until purged)
 * @param lastSeen the latest
 * @param last24h events in the hours begun in the last 24 hours
 * @param last7d events in the hours begun within the kept age (7 days by default)
 * @param unplanned the part of last7d accepted without a definition
 * @param quarantined the part of last7d quarantined as UNKNOWN_EVENT
 * @param dismissedAt when a person hid it, or null
 */
public record UnplannedEvent(String event, Instant firstSeen, Instant lastSeen, long last24h, long last7d,
        long unplanned, long quarantined, Instant dismissedAt) {
}
