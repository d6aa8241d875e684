package dev.uip.anomaly.detection;

/**
 * The learned shape of one cycle (a day or a week): per slot of the cycle, a robust running mean and mean
 * absolute deviation of the bucket values that fell in that slot. Updates are winsorised (a value far from the
 * slot's mean moves it by at most {@code clip} deviations) so that an anomaly does not teach itself as normal.
 */
final class SeasonalProfile {

    private final long periodSeconds;
    private final long slotSeconds;
    private final double smoothing;
    private final double clip;
    private final double[] mean;
    private final double[] deviation;
    private final int[] seen;

    SeasonalProfile(long periodSeconds, long bucketSeconds, int maxSlots, double smoothing, double clip) {
        this.periodSeconds = periodSeconds;
        long slot = Math.max(bucketSeconds, (periodSeconds + maxSlots - 1) / maxSlots);
        this.slotSeconds = slot;
        int slots = (int) ((periodSeconds + slot - 1) / slot);
        this.smoothing = smoothing;
        this.clip = clip;
        this.mean = new double[slots];
        this.deviation = new double[slots];
        this.seen = new int[slots];
    }

    int slotOf(long epochSecond) {
        return (int) (Math.floorMod(epochSecond, periodSeconds) / slotSeconds);
    }

    /** Observations the slot has learned from. */
    int seen(int slot) {
        return seen[slot];
    }

    double mean(int slot) {
        return mean[slot];
    }

    double deviation(int slot) {
        return deviation[slot];
    }

    void learn(int slot, double value, int warmAfter) {
        int n = ++seen[slot];
        if (n == 1) {
            mean[slot] = value;
            return;
        }
        double residual = value - mean[slot];
        if (n > warmAfter) {
            double bound = clip * deviation[slot];
            residual = Math.max(-bound, Math.min(bound, residual));
        }
        // a running average until the slot has seen 1/smoothing values, an exponential one after
        double rate = Math.max(smoothing, 1.0 / n);
        deviation[slot] += rate * (Math.abs(residual) - deviation[slot]);
        mean[slot] += rate * residual;
    }
}
