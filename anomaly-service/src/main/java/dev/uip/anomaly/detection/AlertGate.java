package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The hysteresis of one alert: opens on the first abnormal bucket while closed (unless opening is not allowed
 * then), and resolves only after the series has been normal for a number of consecutive buckets, so one incident
 * is one alert (no flapping).
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
        return step(verdict, true);
    }

    /**
     * Feeds the verdict of the next bucket; while {@code mayOpen} is false an abnormal bucket does not open a closed
     * alert (an open one stays open and may still resolve).
     */
    public Transition step(Verdict verdict, boolean mayOpen) {
        if (verdict.abnormal()) {
            normalRun = 0;
            if (!open && mayOpen) {
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

    void write(DataOutput out) throws IOException {
        out.writeBoolean(open);
        out.writeInt(normalRun);
    }

    void read(DataInput in) throws IOException {
        open = in.readBoolean();
        // a rule whose clearing run was shortened since resolves at its next normal bucket
        normalRun = Math.max(0, Math.min(clearBuckets - 1, in.readInt()));
    }
}
