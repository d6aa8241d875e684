package dev.uip.anomaly.detection;

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
    private final double alpha;
    private final double maxRate;
    private final CountShape shape = new CountShape();

    /**
     * @param windowBuckets buckets in the trailing window the expected rate is learned from
     * @param alpha per-bucket tail probability below which a count is abnormal
     * @param maxRate largest expected count per bucket this detector judges
     */
    public CountTailDetector(int windowBuckets, double alpha, double maxRate) {
        this.window = new TrailingWindow(windowBuckets);
        this.alpha = alpha;
        this.maxRate = maxRate;
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        shape.observe(value);
        Verdict verdict = Verdict.NORMAL;
        surprise = 0;
        if (shape.isCount() && window.full()) {
            double rate = window.median();
            expected = rate;
            if (rate <= maxRate) {
                double spread = MAD_TO_SIGMA * window.mad(rate);
                double variance = Math.max(rate, spread * spread);
                long k = (long) value;
                // a zero rate means "usually silent": judge against a floor of one event per window
                double mean = Math.max(rate, 1.0 / window.size());
                double p = CountDistributions.tail(k, mean, variance, value > mean);
                surprise = -Math.log10(Math.max(p, 1e-300));
                if (p < alpha) {
                    verdict = value > mean ? Verdict.HIGH : Verdict.LOW;
                }
            }
        }
        window.add(value);
        return verdict;
    }
}
