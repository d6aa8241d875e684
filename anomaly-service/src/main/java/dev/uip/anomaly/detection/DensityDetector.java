package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Bursts coming thicker: the sum of the last {@code span} buckets judged as a z-score against the long-run mean
 * and variance of such sums, upwards only (sustained drops are the level detector's). It sees what single buckets
 * hide, e.g. an event that bursts every few hours suddenly bursting every few minutes, each burst no larger than
 * usual. {@link #expected()} is per bucket.
 */
public final class DensityDetector extends ScoredDetector {

    /** Weight of a new sum in the long-run mean and variance once {@link #MEMORY} sums have been seen. */
    private static final int MEMORY = 1000;

    private final float[] recent;
    private final double threshold;
    private final CountShape shape = new CountShape();
    private int next;
    private long seen;
    private double mean;
    private double variance;

    /**
     * @param span buckets summed (at least 2)
     * @param threshold z-score beyond which the sum is abnormal
     */
    public DensityDetector(int span, double threshold) {
        if (span < 2) {
            throw new IllegalArgumentException("span must be at least 2");
        }
        this.recent = new float[span];
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "density";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        shape.observe(value);
        recent[next] = (float) value;
        next = (next + 1) % recent.length;
        seen++;
        double sum = 0;
        for (float v : recent) {
            sum += v;
        }
        surprise = 0;
        Verdict verdict = judged(0, Verdict.NORMAL);
        if (seen >= 2L * recent.length + MEMORY / 4) {
            double spread = Math.sqrt(variance);
            if (shape.isCount()) {
                spread = Math.max(spread, Math.sqrt(Math.max(mean, 1.0)));
            }
            spread = Math.max(spread, 1e-9 + 1e-3 * Math.abs(mean));
            expected = mean / recent.length;
            double z = (sum - mean) / spread;
            surprise = Math.max(0, z);
            verdict = judged(surprise / threshold, Verdict.HIGH);
        }
        if (seen >= recent.length) {
            long n = seen - recent.length + 1;
            double w = Math.max(1.0 / MEMORY, 1.0 / n);
            double d = sum - mean;
            mean += w * d;
            variance = (1 - w) * (variance + w * d * d);
        }
        return verdict;
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        shape.write(out);
        out.writeShort(recent.length);
        for (int i = 0; i < recent.length; i++) {
            out.writeFloat(recent[(next + i) % recent.length]);
        }
        out.writeLong(seen);
        out.writeDouble(mean);
        out.writeDouble(variance);
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        shape.read(in);
        Snapshots.expect(in.readUnsignedShort() == recent.length, "density span changed");
        for (int i = 0; i < recent.length; i++) {
            recent[i] = in.readFloat();
        }
        next = 0;
        seen = in.readLong();
        mean = in.readDouble();
        variance = in.readDouble();
        Snapshots.expect(seen >= 0 && variance >= 0, "negative density counters");
    }
}
