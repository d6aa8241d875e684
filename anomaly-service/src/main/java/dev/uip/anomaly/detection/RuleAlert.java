package dev.uip.anomaly.detection;

/**
 * An alert of one rule of a series that opened or resolved at a bucket.
 *
 * @param ruleKey the rule's key as given in its {@link RuleConfig}
 * @param kind the rule's kind
 * @param transition OPENED or RESOLVED (never NONE)
 * @param verdict which way the window was abnormal (HIGH, LOW, SILENT, ABOVE, BELOW); for RESOLVED the verdict
 *        the alert had opened with
 * @param detector what judged it: "seasonal", "count", "level", "silence", "threshold" or "percent-change"
 * @param bucketStart start (epoch second) of the bucket whose arrival changed the alert
 * @param windowStart start (epoch second) of the evaluated window
 * @param windowEnd end (epoch second, exclusive) of the evaluated window
 * @param observed the window's total (for ABOVE, possibly of the window so far)
 * @param expected what the window was compared with: the detector's expected total (DROP, SPIKE; for STOPPED the
 *        seasonal expectation when the series has one), the threshold (ABOVE, BELOW), the baseline window's total
 *        (PERCENT_CHANGE); {@code NaN} when there is none
 */
public record RuleAlert(String ruleKey, RuleConfig.Kind kind, AlertGate.Transition transition, Verdict verdict,
        String detector, long bucketStart, long windowStart, long windowEnd, double observed, double expected) {
}
