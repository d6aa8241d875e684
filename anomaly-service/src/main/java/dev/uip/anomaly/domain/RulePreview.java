package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.List;

/**
 * The alerts a rule would have raised over stored history, found by running the production detectors causally over
 * the stored buckets.
 *
 * @param workspaceId the workspace
 * @param type the call type
 * @param event the event, page or screen name
 * @param kind the rule's kind
 * @param granularity the stored buckets judged: minute (the configured bucket), hour or day
 * @param bucketSeconds width of one judged bucket
 * @param windowBuckets buckets summed into one evaluation window of the rule
 * @param from start of the range whose alerts are listed
 * @param to end of the range (exclusive): at most the end of the last closed bucket
 * @param historyFrom start of the history the detectors learned from before {@code from}
 * @param bucketsJudged buckets fed to the detectors, history included
 * @param alerts the alerts that opened in [from, to), oldest first
 * @param truncated whether more alerts opened than are listed
 * @param notes what limits the preview (short history, a coarser granularity than the rule's window)
 */
public record RulePreview(String workspaceId, String type, String event, String kind, String granularity,
        long bucketSeconds, int windowBuckets, Instant from, Instant to, Instant historyFrom, long bucketsJudged,
        List<PreviewAlert> alerts, boolean truncated, List<String> notes) {

    /**
     * One alert the rule would have raised.
     *
     * @param openedAt start of the window at which it opened
     * @param resolvedAt end of the window at which it resolved; null when still open at {@code to}
     * @param detector what judged it
     * @param direction HIGH, LOW, SILENT, ABOVE or BELOW
     * @param observed the window's total when it opened
     * @param expected what the window was compared with; null when nothing was expected
     * @param windowStart start of the window it opened at
     * @param windowEnd end of that window (exclusive)
     */
    public record PreviewAlert(Instant openedAt, Instant resolvedAt, String detector, String direction,
            double observed, Double expected, Instant windowStart, Instant windowEnd) {
    }
}
