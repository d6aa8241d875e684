package dev.uip.anomaly.detection;

/**
 * Deviations from the same slot of the week (or, until the weekly slot has enough history, of the day): a bucket
 * is abnormal when it lies more than {@code threshold} standard deviations from the slot's learned mean. Speaks
 * only once the series is long enough for its slot to have been seen {@code warmAfter} times.
 */
public final class SeasonalDetector extends ScoredDetector {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;
    /** Mean absolute deviation times this is the standard deviation of a normal distribution. */
    private static final double MEAN_DEVIATION_TO_SIGMA = 1.2533;

    private final SeasonalProfile daily;
    private final SeasonalProfile weekly;
    private final double threshold;
    private final double tailAlpha;
    private final int warmAfter;
    private final CountShape shape = new CountShape();
    private double level = Double.NaN;
    private boolean warm;

    /**
     * @param bucketSeconds width of one bucket
     * @param maxSlots most slots per cycle (slots are widened to bound the state)
     * @param smoothing weight of a new value in a slot's running mean once warm
     * @param threshold deviation (in standard deviations) beyond which a bucket is abnormal
     * @param warmAfter observations a slot needs before it is trusted
     */
    public SeasonalDetector(long bucketSeconds, int maxSlots, double smoothing, double threshold, int warmAfter) {
        this.daily = new SeasonalProfile(DAY, bucketSeconds, maxSlots, smoothing, 3.0);
        this.weekly = new SeasonalProfile(WEEK, bucketSeconds, maxSlots, smoothing, 3.0);
        this.threshold = threshold;
        this.tailAlpha = normalTail(threshold);
        this.warmAfter = warmAfter;
    }

    @Override
    public String name() {
        return "seasonal";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        shape.observe(value);
        level = Double.isNaN(level) ? Math.abs(value) : level + 0.01 * (Math.abs(value) - level);
        int w = weekly.slotOf(epochSecond);
        int d = daily.slotOf(epochSecond);
        Verdict verdict = Verdict.NORMAL;
        surprise = 0;
        SeasonalProfile profile = weekly.seen(w) >= warmAfter ? weekly : daily.seen(d) >= warmAfter ? daily : null;
        warm = profile != null;
        if (warm) {
            int slot = profile == weekly ? w : d;
            double mean = profile.mean(slot);
            double sigma = MEAN_DEVIATION_TO_SIGMA * profile.deviation(slot);
            sigma = Math.max(sigma, 1e-9 + 0.01 * level);
            expected = mean;
            double z = (value - mean) / sigma;
            surprise = Math.abs(z);
            if (shape.isCount()) {
                // small counts: the tail probability of a count model, at the same significance as the z threshold
                double rate = Math.max(mean, 0.5);
                double p = CountDistributions.tail((long) value, rate, Math.max(rate, sigma * sigma), value > rate);
                surprise = -Math.log10(Math.max(p, 1e-300));
                z = p < tailAlpha ? Math.signum(value - rate) * (threshold + 1) : 0;
            }
            verdict = z > threshold ? Verdict.HIGH : z < -threshold ? Verdict.LOW : Verdict.NORMAL;
        }
        weekly.learn(w, value, warmAfter);
        daily.learn(d, value, warmAfter);
        return verdict;
    }

    /** One-sided tail of the standard normal beyond {@code z} (Abramowitz-Stegun 7.1.26 via erfc). */
    static double normalTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 0.5 * poly * Math.exp(-x * x);
    }

    /** Whether the last bucket was judged against a learned slot (the series is long enough). */
    public boolean warm() {
        return warm;
    }
}
