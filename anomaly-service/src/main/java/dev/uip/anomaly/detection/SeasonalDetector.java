package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Deviations from the same slot of the week (or, until the weekly slot has enough history, of the day): a bucket
 * is abnormal when it lies more than {@code threshold} standard deviations from the slot's learned mean (for
 * counts: when it is as improbable under a count model). Speaks only once its slot has been seen in
 * {@code warmAfter} cycles.
 */
public final class SeasonalDetector extends ScoredDetector {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;
    /** Mean absolute deviation times this is the standard deviation of a normal distribution. */
    private static final double MEAN_DEVIATION_TO_SIGMA = 1.2533;

    private final SeasonalProfile daily;
    private final SeasonalProfile weekly;
    private final double threshold;
    private final double logTailAlpha;
    private final int warmAfter;
    private final CountShape shape = new CountShape();
    private float level = Float.NaN;
    private boolean warm;
    private int regime;

    /** A detector with at most {@code maxSlots} slots per day and per week (see the full constructor). */
    public SeasonalDetector(long bucketSeconds, int maxSlots, double smoothing, double threshold, int warmAfter) {
        this(bucketSeconds, maxSlots, maxSlots, smoothing, threshold, warmAfter);
    }

    /**
     * @param bucketSeconds width of one bucket
     * @param dailySlots most slots per day (slots are widened to bound the state)
     * @param weeklySlots most slots per week
     * @param smoothing weight of a new cycle in a slot's running mean once warm
     * @param threshold deviation (in standard deviations) beyond which a bucket is abnormal
     * @param warmAfter cycles a slot needs before it is trusted
     */
    public SeasonalDetector(long bucketSeconds, int dailySlots, int weeklySlots, double smoothing, double threshold,
            int warmAfter) {
        this.daily = new SeasonalProfile(DAY, bucketSeconds, dailySlots, smoothing, 3.0);
        this.weekly = new SeasonalProfile(WEEK, bucketSeconds, weeklySlots, smoothing, 3.0);
        this.threshold = threshold;
        this.logTailAlpha = -Math.log10(normalTail(threshold));
        this.warmAfter = warmAfter;
    }

    @Override
    public String name() {
        return "seasonal";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        shape.observe(value);
        level = (float) (Float.isNaN(level) ? Math.abs(value) : level + 0.01 * (Math.abs(value) - level));
        int w = weekly.slotOf(epochSecond);
        int d = daily.slotOf(epochSecond);
        Verdict verdict = judged(0, Verdict.NORMAL);
        surprise = 0;
        SeasonalProfile profile = weekly.cyclesSeen(w) >= warmAfter
                ? weekly
                : daily.cyclesSeen(d) >= warmAfter ? daily : null;
        warm = profile != null;
        regime = profile == weekly ? 2 : profile == daily ? 1 : 0;
        if (warm) {
            int slot = profile == weekly ? w : d;
            double mean = profile.mean(slot);
            double sigma = MEAN_DEVIATION_TO_SIGMA * profile.deviation(slot);
            sigma = Math.max(sigma, 1e-9 + 0.01 * level);
            expected = mean;
            if (shape.isCount()) {
                // small counts: the tail probability of a count model, at the same significance as the z threshold
                double rate = Math.max(mean, 0.5);
                double p = CountDistributions.tail((long) value, rate, Math.max(rate, sigma * sigma), value > rate);
                surprise = -Math.log10(Math.max(p, 1e-300));
                verdict = judged(surprise / logTailAlpha, value > rate ? Verdict.HIGH : Verdict.LOW);
            } else {
                double z = (value - mean) / sigma;
                surprise = Math.abs(z);
                verdict = judged(surprise / threshold, z > 0 ? Verdict.HIGH : Verdict.LOW);
            }
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

    /** The slowly moving average of the bucket values' size. */
    double level() {
        return level;
    }

    /** What the last bucket was judged against: 0 nothing yet, 1 its slot of the day, 2 its slot of the week. */
    int regime() {
        return regime;
    }

    /** Whether the last bucket was judged against a learned slot (the series is long enough). */
    public boolean warm() {
        return warm;
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        shape.write(out);
        out.writeFloat(level);
        daily.write(out);
        weekly.write(out);
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        shape.read(in);
        level = in.readFloat();
        daily.read(in);
        weekly.read(in);
    }
}
