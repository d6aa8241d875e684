package dev.uip.anomaly.domain;

import java.time.Instant;

/** How many events of one kind arrived in the window that starts at {@code windowStart}. */
public record WindowCount(Instant windowStart, long count) {
}
