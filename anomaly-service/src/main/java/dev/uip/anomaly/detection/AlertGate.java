package dev.uip.anomaly.detection;

/**
 * The hysteresis of one detector's alert: opens on the first abnormal bucket while closed, and resolves only after
 * the series has been normal for a number of consecutive buckets, so one incident is one alert (no flapping).
 */
public final class AlertGate {

    /** What happened to the alert at a bucket. */
    public enum Transition {
        NONE, OPENED, RESOLVED
    }

    private final int clearBuckets;
    private boolean open;
    private int normalRun;

    /** @param clearBuckets consecutive normal buckets needed to resolve an open alert (at least 1) */
    public AlertGate(int clearBuckets) {
        if (clearBuckets < 1) {
            throw new IllegalArgumentException("clearBuckets must be at least 1");
        }
        this.clearBuckets = clearBuckets;
    }

    /** Feeds the verdict of the next bucket and returns the alert's transition at that bucket. */
    public Transition step(Verdict verdict) {
        if (verdict.abnormal()) {
            normalRun = 0;
            if (!open) {
                open = true;
                return Transition.OPENED;
            }
            return Transition.NONE;
        }
        if (open && ++normalRun >= clearBuckets) {
            open = false;
            normalRun = 0;
            return Transition.RESOLVED;
        }
        return Transition.NONE;
    }

    public boolean isOpen() {
        return open;
    }
}
