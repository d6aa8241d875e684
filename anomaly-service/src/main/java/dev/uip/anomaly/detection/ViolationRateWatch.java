package dev.uip.anomaly.detection;

/**
 * Whether an event's share of invalid traffic calls for an alert: over the last {@code windowBuckets} buckets, the
 * violations (quarantined and warned events) against all events. It opens at {@code openRate} with at least
 * {@code minViolations} violations, and resolves only once the share fell below {@code resolveRate} (or the
 * violations below half the minimum), so that a rate hovering at the threshold does not flap.
 *
 * @param windowBuckets how many closed buckets the rate is taken over
 * @param openRate the share of violations that opens an alert
 * @param resolveRate the share below which an open alert resolves (lower than {@code openRate})
 * @param minViolations fewest violations in the window for an alert to open (a few bad events are not an incident)
 */
public record ViolationRateWatch(int windowBuckets, double openRate, double resolveRate, long minViolations) {

    /** The alert rule name and the key of the open alert in a series' state. */
    public static final String RULE = "VIOLATION_RATE";
    /** The detector named in the alert. */
    public static final String DETECTOR = "violation-rate";

    /** The defaults: over 5 buckets, opens at 10 % with at least 10 violations, resolves below 5 %. */
    public static final ViolationRateWatch DEFAULT = new ViolationRateWatch(5, 0.10, 0.05, 10);

    public ViolationRateWatch {
        if (windowBuckets < 1 || !(openRate > 0 && openRate <= 1) || !(resolveRate >= 0 && resolveRate < openRate)
                || minViolations < 1) {
            throw new IllegalArgumentException("a violation-rate watch needs windowBuckets >= 1, 0 < resolveRate < "
                    + "openRate <= 1 and minViolations >= 1");
        }
    }

    /** What to do about the alert. */
    public enum Decision {
        OPEN, RESOLVE, KEEP
    }

    /**
     * @param events all events of the window (passed and quarantined)
     * @param violations those that violate their schema (quarantined, or accepted with a warning)
     * @param open whether the alert is open now
     */
    public Decision decide(long events, long violations, boolean open) {
        double rate = rate(events, violations);
        if (!open) {
            return violations >= minViolations && rate >= openRate ? Decision.OPEN : Decision.KEEP;
        }
        return rate < resolveRate || violations * 2 < minViolations ? Decision.RESOLVE : Decision.KEEP;
    }

    public static double rate(long events, long violations) {
        return events <= 0 ? 0 : Math.min(1, (double) violations / events);
    }
}
