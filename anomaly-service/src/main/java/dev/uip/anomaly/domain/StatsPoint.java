package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What validation made of one series' events in one bucket.
 *
 * @param start the bucket's start
 * @param valid events that passed and conform (passed minus warned)
 * @param warned events accepted although they violate their schema (observe or warn mode)
 * @param unplanned passed events with no definition, accepted by the workspace's policy
 * @param derived passed events emitted by a virtual event's rule
 * @param released passed events that were quarantined and released after a fix
 * @param quarantined events quarantined
 * @param quarantinedByReason the quarantined events by reason
 * @param duplicates copies of messages already seen, dropped (not counted elsewhere)
 * @param violationRate (warned + quarantined) / (passed + quarantined), or 0 without events
 */
public record StatsPoint(Instant start, long valid, long warned, long unplanned, long derived, long released,
        long quarantined, Map<String, Long> quarantinedByReason, long duplicates, double violationRate) {
}
