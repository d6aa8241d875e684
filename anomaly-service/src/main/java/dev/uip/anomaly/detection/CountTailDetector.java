package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Low-volume counts judged by their tail probability: the expected count is the trailing median, the variance the
 * larger of that median and the squared robust spread, and a bucket is abnormal when a count at least as extreme
 * is less likely than {@code alpha} under the Poisson (or, when overdispersed, negative binomial) model. Only
 * speaks for count series whose expected count is at most {@code maxRate}; above that the level detector's
 * normal approximation is as good.
 */
public final class CountTailDetector extends ScoredDetector {

    private static final double MAD_TO_SIGMA = 1.4826;

    private final TrailingWindow window;
    private final double logAlpha;
    private final double maxRate;
    private final CountShape shape = new CountShape();

    /**
     * @param windowBuckets buckets in the trailing window the expected rate is learned from
     * @param alpha per-bucket tail probability below which a count is abnormal
     * @param maxRate largest expected count per bucket this detector judges
     */
    public CountTailDetector(int windowBuckets, double alpha, double maxRate) {
        this(new TrailingWindow(windowBuckets), alpha, maxRate);
    }

    /** A count detector reading (but not feeding) a trailing window shared with other detectors. */
    CountTailDetector(TrailingWindow window, double alpha, double maxRate) {
        this.window = window;
        this.logAlpha = -Math.log10(alpha);
        this.maxRate = maxRate;
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        Verdict verdict = judge(value);
        window.add(value);
        return verdict;
    }

    /** Judges the value against the window without adding it to the window. */
    Verdict judge(double value) {
        shape.observe(value);
        surprise = 0;
        if (!shape.isCount() || !window.full()) {
            return judged(0, Verdict.NORMAL);
        }
        double rate = window.median();
        expected = rate;
        if (rate > maxRate) {
            return judged(0, Verdict.NORMAL);
        }
        double spread = MAD_TO_SIGMA * window.mad(rate);
        double variance = Math.max(rate, spread * spread);
        long k = (long) value;
        // a zero rate means "usually silent": judge against a floor of one event per window
        double mean = Math.max(rate, 1.0 / window.size());
        double p = CountDistributions.tail(k, mean, variance, value > mean);
        surprise = -Math.log10(Math.max(p, 1e-300));
        return judged(surprise / logAlpha, value > mean ? Verdict.HIGH : Verdict.LOW);
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        shape.write(out);
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        shape.read(in);
    }
}
