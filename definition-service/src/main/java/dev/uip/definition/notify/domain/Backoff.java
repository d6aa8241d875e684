package dev.uip.definition.notify.domain;

import java.time.Duration;

/**
 * The retry schedule of a delivery: after attempt n (from 1) the next waits {@code first * factor^(n-1)}; after
 * {@code maxAttempts} attempts there is none.
 */
public record Backoff(Duration first, double factor, int maxAttempts) {

    private static final Duration LONGEST = Duration.ofHours(24);

    /** The wait before the attempt after attempt {@code attempt}; null when it was the last. */
    public Duration after(int attempt) {
        if (attempt >= maxAttempts) {
            return null;
        }
        double millis = first.toMillis() * Math.pow(Math.max(1.0, factor), Math.max(0, attempt - 1));
        return millis >= LONGEST.toMillis() ? LONGEST : Duration.ofMillis((long) millis);
    }
}
