package dev.uip.ingest.streams;

import java.util.HashMap;
import java.util.Map;

import dev.uip.schemas.RawUsageEvent;

/**
 * Picks samples of unplanned events for suggestions: at most {@code perMinute} per workspace and event in each
 * minute of wall-clock time, for at most {@code maxEvents} distinct events a minute. Best effort and in memory (a
 * restart or a rebalance may pick a few more or fewer): samples feed inference, not counts.
 */
final class UnplannedSampler {

    private final int perMinute;
    private final int maxEvents;
    private final Map<String, Integer> taken = new HashMap<>();
    private long minute = Long.MIN_VALUE;

    UnplannedSampler(int perMinute, int maxEvents) {
        this.perMinute = perMinute;
        this.maxEvents = maxEvents;
    }

    /** Whether to keep {@code raw} as a sample now ({@code now} in epoch millis). */
    boolean take(RawUsageEvent raw, long now) {
        long current = Math.floorDiv(now, 60_000L);
        if (current != minute) {
            minute = current;
            taken.clear();
        }
        String key = raw.getWorkspaceId() + "\n" + raw.getEvent();
        Integer count = taken.get(key);
        if (count == null && taken.size() >= maxEvents || count != null && count >= perMinute) {
            return false;
        }
        taken.put(key, count == null ? 1 : count + 1);
        return true;
    }
}
