package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One bucket of a series as the trends API answers it.
 *
 * @param start the bucket's start
 * @param count events that passed validation
 * @param quarantined events that validation quarantined
 * @param breakdown counts by value of the requested dimension (absent when none was asked for)
 */
public record SeriesPoint(Instant start, long count, long quarantined, Map<String, Long> breakdown) {
}
