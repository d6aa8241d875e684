package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.List;

/**
 * A workspace's critical gap rate: the share of its active key events in a critical situation (an open high or
 * critical alert, or failing validation), now and over time.
 *
 * @param keyEvents active key events now
 * @param critical how many of them are in a critical situation now
 * @param rate critical / keyEvents (0 without key events)
 * @param criticalEvents the names of the key events in a critical situation
 * @param history samples over the requested range, one per hour (the last sample of that hour), oldest first
 */
public record GapRateView(int keyEvents, int critical, double rate, List<String> criticalEvents,
        List<Sample> history) {

    /** One sample of the rate. */
    public record Sample(Instant at, int keyEvents, int critical, double rate) {
    }
}
