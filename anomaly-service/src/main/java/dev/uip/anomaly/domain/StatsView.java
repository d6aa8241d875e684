package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.List;

/**
 * The validation stats of one series over a range: a point per bucket and the totals.
 *
 * @param totals the sums over the range (its {@code start} is the range's start)
 */
public record StatsView(String workspaceId, String type, String event, String granularity, Instant from, Instant to,
        List<StatsPoint> points, StatsPoint totals) {
}
