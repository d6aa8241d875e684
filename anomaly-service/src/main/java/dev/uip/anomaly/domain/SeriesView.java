package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.List;

/**
 * A time series of one event, as the trends API answers it.
 *
 * @param workspaceId the workspace
 * @param type the call type (track, page, screen, identify, group, alias)
 * @param event the event, page or screen name ("" for identify, group and alias)
 * @param granularity minute, hour or day
 * @param breakdown the dimension the points are broken down by, or null
 * @param from start of the first bucket asked for
 * @param to end of the range asked for (exclusive)
 * @param points every bucket in the range, empty ones included, oldest first
 * @param late events counted in a bucket after it had been judged
 * @param tooLate events that arrived too late for any bucket still kept (in no count)
 */
public record SeriesView(String workspaceId, String type, String event, String granularity, String breakdown,
        Instant from, Instant to, List<SeriesPoint> points, long late, long tooLate) {
}
