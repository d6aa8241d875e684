package dev.uip.anomaly.detection;

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
        this.window = new TrailingWindow(windowBuckets);
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "level";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        Verdict verdict = Verdict.NORMAL;
        if (window.full()) {
            double median = window.median();
            double spread = MAD_TO_SIGMA * window.mad(median);
            if (shape.isCount()) {
                spread = Math.max(spread, Math.sqrt(Math.max(median, 1.0)));
            }
            spread = Math.max(spread, 1e-9 + 1e-3 * Math.abs(median));
            expected = median;
            double z = (value - median) / spread;
            surprise = Math.abs(z);
            verdict = z > threshold ? Verdict.HIGH : z < -threshold ? Verdict.LOW : Verdict.NORMAL;
        }
        shape.observe(value);
        window.add(value);
        return verdict;
    }
}
