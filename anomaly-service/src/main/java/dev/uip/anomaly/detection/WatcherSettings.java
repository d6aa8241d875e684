package dev.uip.anomaly.detection;

/**
 * The tunables of the detectors a {@link SeriesMonitor} runs; {@link #defaults()} is the one configuration every
 * event is watched with (rules scale the thresholds by their sensitivity).
 *
 * @param levelWindow buckets in the trailing window the level and count detectors learn from
 * @param levelThreshold robust z-score beyond which the level detector calls a bucket abnormal
 * @param countAlpha tail probability below which the count model calls a bucket abnormal
 * @param countMaxRate largest expected count per bucket the count model judges
 * @param seasonalDailySlots most slots per day in the seasonal baseline
 * @param seasonalWeeklySlots most slots per week in the seasonal baseline
 * @param seasonalSmoothing weight of a new cycle in a seasonal slot's running mean
 * @param seasonalThreshold standard deviations from the slot's mean beyond which a bucket is abnormal
 * @param seasonalWarmAfter cycles a slot must have been seen before the seasonal baseline speaks for it
 * @param silenceGapFactor how many typical inter-arrival gaps an empty run must exceed to be "stopped firing"
 * @param silenceAlpha probability below which an empty run is improbable
 * @param silenceMinBuckets fewest empty buckets ever called "stopped firing"
 * @param silenceMinArrivals non-empty buckets to see before an event can be called stopped
 * @param clearBuckets consecutive normal buckets that resolve an open drop or spike alert
 * @param rarityPeriodSeconds the series' own false-alarm budget: about one alert per this many seconds, shared
 *        evenly by the drop/spike detectors and the two directions (an abnormal window opens an alert only when its
 *        detector has seen a score as high in that direction less than once per this many seconds times twice the
 *        number of detectors)
 * @param rarityMemoryPeriods how many rarity periods of scores the rarity history remembers (older ones fade)
 * @param rarityMinHistory buckets of history before the rarity check applies
 * @param explainedBelow seasonal surprise below which a warm seasonal baseline explains a level or count anomaly
 *        away
 * @param densitySpan buckets whose sum the density detector judges against the long-run sums (a third of the level
 *        window: long enough to see bursts come thicker, short enough not to blur them)
 */
public record WatcherSettings(int levelWindow, double levelThreshold, double countAlpha, double countMaxRate,
        int seasonalDailySlots, int seasonalWeeklySlots, double seasonalSmoothing, double seasonalThreshold,
        int seasonalWarmAfter, double silenceGapFactor, double silenceAlpha, int silenceMinBuckets,
        int silenceMinArrivals, int clearBuckets, double rarityPeriodSeconds, double rarityMemoryPeriods,
        long rarityMinHistory,
        double explainedBelow, int densitySpan) {

    /** The default configuration. */
    public static WatcherSettings defaults() {
        return new WatcherSettings(48, 6.0, 1e-6, 50.0, 144, 168, 0.2, 5.0, 3, 3.0, 1e-6, 2, 10, 12, 7 * 86_400.0, 4.0,
                288,
                3.0, 16);
    }
}
