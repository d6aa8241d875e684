package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A detector that records, per bucket it judges, what it expected, how surprising the bucket was, and how strong
 * the deviation was relative to its own threshold (so that one detector can be judged at several sensitivities).
 */
abstract class ScoredDetector implements Detector {

    /** What the detector expected for the last observed bucket; {@code NaN} while learning. */
    protected double expected = Double.NaN;
    /** How surprising the last observed bucket was; 0 while learning. */
    protected double surprise;
    /** The last bucket's deviation as a multiple of the detector's threshold (above 1 = abnormal); 0 while learning. */
    protected double strength;
    /** Which way the last bucket deviated (HIGH, LOW or SILENT; NORMAL when it did not). */
    protected Verdict direction = Verdict.NORMAL;

    @Override
    public final double expected() {
        // at the precision a snapshot keeps, so that a restored detector reports the same
        return (float) expected;
    }

    @Override
    public double surprise() {
        return surprise;
    }

    /** The last bucket's verdict with the threshold scaled by {@code factor} (below 1 = more sensitive). */
    final Verdict verdictAt(double factor) {
        return strength > factor ? direction : Verdict.NORMAL;
    }

    /** Sets the last bucket's strength and direction and returns its verdict at the detector's own threshold. */
    protected final Verdict judged(double strength, Verdict direction) {
        this.strength = strength;
        this.direction = direction;
        return verdictAt(1.0);
    }

    /** Writes the learned state (what the next buckets' verdicts depend on). */
    void write(DataOutput out) throws IOException {
        out.writeFloat((float) expected);
    }

    /** Reads the state {@link #write} wrote. */
    void read(DataInput in) throws IOException {
        expected = in.readFloat();
    }
}
