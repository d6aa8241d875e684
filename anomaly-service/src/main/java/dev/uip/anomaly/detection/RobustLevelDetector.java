package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Spikes and drops against the robust level of the recent past: the median and median absolute deviation (MAD)
 * of a trailing window, with a Poisson floor on the spread for count series so that small counts are not judged
 * by a spread of zero.
 */
public final class RobustLevelDetector extends ScoredDetector {

    /** MAD times this is the standard deviation of a normal distribution. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final TrailingWindow window;
    private final double threshold;
    private final CountShape shape = new CountShape();

    /**
     * @param windowBuckets buckets in the trailing window; the detector judges only once the window is full
     * @param threshold robust z-score (in standard deviations) beyond which a bucket is abnormal
     */
    public RobustLevelDetector(int windowBuckets, double threshold) {
        this(new TrailingWindow(windowBuckets), threshold);
    }

    /** A level detector reading (but not feeding) a trailing window shared with other detectors. */
    RobustLevelDetector(TrailingWindow window, double threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "level";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        Verdict verdict = judge(value);
        shape.observe(value);
        window.add(value);
        return verdict;
    }

    /** Judges the value against the window without learning from it. */
    Verdict judge(double value) {
        if (!window.full()) {
            return judged(0, Verdict.NORMAL);
        }
        double median = window.median();
        double spread = MAD_TO_SIGMA * window.mad(median);
        if (shape.isCount()) {
            spread = Math.max(spread, Math.sqrt(Math.max(median, 1.0)));
        }
        spread = Math.max(spread, 1e-9 + 1e-3 * Math.abs(median));
        expected = median;
        double z = (value - median) / spread;
        surprise = Math.abs(z);
        return judged(surprise / threshold, z > 0 ? Verdict.HIGH : Verdict.LOW);
    }

    /** Records the value's shape (when the window is fed by its owner). */
    void learnShape(double value) {
        shape.observe(value);
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
