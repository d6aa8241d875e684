package dev.uip.anomaly.detection;

import java.util.List;

/**
 * An ABOVE or BELOW rule on the window's total. ABOVE may open before the window closes (the running total only
 * grows), BELOW is judged when the window is complete; both resolve after {@link #CLEAR_WINDOWS} normal windows.
 */
final class ThresholdWatch extends RuleWatch {

    static final int CLEAR_WINDOWS = 2;

    private final boolean above;
    private final double threshold;

    ThresholdWatch(RuleConfig rule, WindowSum window) {
        super(rule, window, CLEAR_WINDOWS);
        this.above = rule.kind() == RuleConfig.Kind.ABOVE;
        this.threshold = rule.threshold();
    }

    @Override
    void observe(long bucketStart, List<RuleAlert> out) {
        double total = window.total();
        if (above && !open() && !window.closed() && total > threshold) {
            step(bucketStart, Verdict.ABOVE, "threshold", threshold, out);
        }
        if (window.closed()) {
            boolean beyond = above ? total > threshold : total < threshold;
            step(bucketStart, beyond ? (above ? Verdict.ABOVE : Verdict.BELOW) : Verdict.NORMAL, "threshold",
                    threshold, out);
        }
    }
}
