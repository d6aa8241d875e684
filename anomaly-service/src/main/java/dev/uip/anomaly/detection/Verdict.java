package dev.uip.anomaly.detection;

/** The per-bucket judgement of one detector: normal, or which way the bucket is abnormal. */
public enum Verdict {

    /** Within what the detector expects (or the detector is still learning). */
    NORMAL,
    /** Significantly above the expected value. */
    HIGH,
    /** Significantly below the expected value. */
    LOW,
    /** The event stopped firing: more empty buckets than its learned gaps allow. */
    SILENT,
    /** The window's total is above a rule's static threshold. */
    ABOVE,
    /** The window's total is below a rule's static threshold. */
    BELOW;

    /** Whether this verdict counts against the series. */
    public boolean abnormal() {
        return this != NORMAL;
    }
}
