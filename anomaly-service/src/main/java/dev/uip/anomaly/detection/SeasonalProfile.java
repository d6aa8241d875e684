package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The learned shape of one cycle (a day or a week): per slot of the cycle, a robust running mean and mean
 * absolute deviation of the bucket values that fell in that slot (floats; a slot may span several buckets so that
 * the state stays bounded). Updates are winsorised (a value far from the slot's mean moves it by at most
 * {@code clip} deviations) so that an anomaly does not teach itself as normal.
 */
final class SeasonalProfile {

    private static final int MAX_SEEN = 65_535;

    private final long periodSeconds;
    private final long slotSeconds;
    private final int bucketsPerSlot;
    private final double smoothing;
    private final double clip;
    private final float[] mean;
    private final float[] deviation;
    private final char[] seen;

    SeasonalProfile(long periodSeconds, long bucketSeconds, int maxSlots, double smoothing, double clip) {
        this.periodSeconds = periodSeconds;
        long slot = Math.max(bucketSeconds, (periodSeconds + maxSlots - 1) / maxSlots);
        this.slotSeconds = slot;
        this.bucketsPerSlot = (int) Math.max(1, slot / bucketSeconds);
        int slots = (int) ((periodSeconds + slot - 1) / slot);
        this.smoothing = smoothing;
        this.clip = clip;
        this.mean = new float[slots];
        this.deviation = new float[slots];
        this.seen = new char[slots];
    }

    int slotOf(long epochSecond) {
        return (int) (Math.floorMod(epochSecond, periodSeconds) / slotSeconds);
    }

    /** Cycles (days or weeks) the slot has learned from, counting each of its buckets as a share of one. */
    double cyclesSeen(int slot) {
        return (double) seen[slot] / bucketsPerSlot;
    }

    double mean(int slot) {
        return mean[slot];
    }

    double deviation(int slot) {
        return deviation[slot];
    }

    void learn(int slot, double value, int warmAfter) {
        int n = seen[slot] < MAX_SEEN ? ++seen[slot] : MAX_SEEN;
        if (n == 1) {
            mean[slot] = (float) value;
            return;
        }
        double residual = value - mean[slot];
        if (n > warmAfter * bucketsPerSlot) {
            double bound = clip * deviation[slot];
            residual = Math.max(-bound, Math.min(bound, residual));
        }
        // a running average until the slot has seen 1/smoothing cycles, an exponential one (per cycle) after
        double rate = Math.max(smoothing / bucketsPerSlot, 1.0 / n);
        deviation[slot] += (float) (rate * (Math.abs(residual) - deviation[slot]));
        mean[slot] += (float) (rate * residual);
    }

    void write(DataOutput out) throws IOException {
        out.writeShort(mean.length);
        for (int i = 0; i < mean.length; i++) {
            out.writeChar(seen[i]);
            if (seen[i] > 0) {
                out.writeFloat(mean[i]);
                out.writeFloat(deviation[i]);
            }
        }
    }

    void read(DataInput in) throws IOException {
        Snapshots.expect(in.readUnsignedShort() == mean.length, "seasonal slots changed");
        for (int i = 0; i < mean.length; i++) {
            seen[i] = in.readChar();
            mean[i] = seen[i] > 0 ? in.readFloat() : 0;
            deviation[i] = seen[i] > 0 ? in.readFloat() : 0;
        }
    }
}
