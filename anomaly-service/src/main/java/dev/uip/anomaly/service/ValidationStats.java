package dev.uip.anomaly.service;

import java.time.Instant;
import java.util.LinkedHashMap;

import dev.uip.anomaly.domain.StatsPoint;
import dev.uip.anomaly.trend.Bucket;

/** Reads a bucket's validation counts as a stats point (the one place the violation rate is defined). */
public final class ValidationStats {

    private ValidationStats() {
    }

    public static StatsPoint point(Instant start, Bucket bucket) {
        long passed = bucket.count();
        long quarantined = bucket.quarantined();
        long seen = passed + quarantined;
        return new StatsPoint(start, passed - bucket.warned(), bucket.warned(), bucket.unplanned(), bucket.derived(),
                bucket.released(), quarantined, new LinkedHashMap<>(bucket.quarantinedByReason()),
                bucket.duplicates(), seen == 0 ? 0 : (double) (bucket.warned() + quarantined) / seen);
    }
}
