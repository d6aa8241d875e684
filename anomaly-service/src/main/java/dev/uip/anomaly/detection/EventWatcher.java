package dev.uip.anomaly.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches one event's counts per bucket with every default detector (robust level, low-volume count model,
 * seasonal baseline, stopped firing), each behind its own hysteresis gate, and reports the alerts that open or
 * resolve at each bucket. Causal: a bucket is judged only from itself and earlier buckets.
 */
public final class EventWatcher {

    private final List<Detector> detectors;
    private final List<AlertGate> gates = new ArrayList<>();
    private final List<RarityFilter> filters = new ArrayList<>();
    private final double explainedBelow;

    /**
     * A watcher with the given detectors, each resolving after {@code clearBuckets} normal buckets.
     *
     * @param rarity share of a detector's past surprise scores an abnormal bucket must exceed (1 lets all through)
     * @param minHistory buckets of history before the rarity check applies (abnormal verdicts pass until then)
     * @param explainedBelow a warm seasonal detector's surprise below which level and count verdicts are treated as
     *        explained by the season
     */
    public EventWatcher(List<Detector> detectors, int clearBuckets, double rarity, long minHistory,
            double explainedBelow) {
        this.detectors = List.copyOf(detectors);
        this.explainedBelow = explainedBelow;
        for (int i = 0; i < this.detectors.size(); i++) {
            gates.add(new AlertGate(clearBuckets));
            filters.add(new RarityFilter(rarity, minHistory));
        }
    }

    /** The default watcher for a series of buckets {@code bucketSeconds} wide. */
    public static EventWatcher withDefaults(long bucketSeconds) {
        return create(bucketSeconds, WatcherSettings.defaults());
    }

    public static EventWatcher create(long bucketSeconds, WatcherSettings s) {
        if (bucketSeconds < 1) {
            throw new IllegalArgumentException("bucketSeconds must be at least 1");
        }
        return new EventWatcher(List.of(
                new RobustLevelDetector(s.levelWindow(), s.levelThreshold()),
                new CountTailDetector(s.countWindow(), s.countAlpha(), s.countMaxRate()),
                new SeasonalDetector(bucketSeconds, s.seasonalMaxSlots(), s.seasonalSmoothing(),
                        s.seasonalThreshold(), s.seasonalWarmAfter()),
                new SilenceDetector(s.silenceGapFactor(), s.silenceAlpha(), s.silenceMinBuckets(),
                        s.silenceMinArrivals())),
                s.clearBuckets(), s.rarity(), s.rarityMinHistory(), s.explainedBelow());
    }

    /** Feeds the next bucket (in time order) and returns the alerts that opened or resolved at it. */
    public List<AlertChange> observe(long epochSecond, double value) {
        List<AlertChange> changes = List.of();
        Verdict[] verdicts = new Verdict[detectors.size()];
        boolean explained = false;
        for (int i = 0; i < detectors.size(); i++) {
            Detector detector = detectors.get(i);
            verdicts[i] = detector.observe(epochSecond, value);
            boolean rare = filters.get(i).rare(detector.surprise());
            // silence is already judged against the event's own gaps; the others must also be rare for the series
            if (!(detector instanceof SilenceDetector) && !rare) {
                verdicts[i] = Verdict.NORMAL;
            }
            if (detector instanceof SeasonalDetector seasonal && seasonal.warm()
                    && seasonal.surprise() < explainedBelow) {
                explained = true;
            }
        }
        for (int i = 0; i < detectors.size(); i++) {
            Detector detector = detectors.get(i);
            Verdict verdict = verdicts[i];
            if (explained && (detector instanceof RobustLevelDetector || detector instanceof CountTailDetector)) {
                verdict = Verdict.NORMAL;
            }
            AlertGate.Transition transition = gates.get(i).step(verdict);
            if (transition != AlertGate.Transition.NONE) {
                if (changes.isEmpty()) {
                    changes = new ArrayList<>();
                }
                changes.add(new AlertChange(detector.name(), transition, verdict, epochSecond, value,
                        detector.expected()));
            }
        }
        return changes;
    }

    /** Whether any detector has an open alert. */
    public boolean anyOpen() {
        return gates.stream().anyMatch(AlertGate::isOpen);
    }
}
