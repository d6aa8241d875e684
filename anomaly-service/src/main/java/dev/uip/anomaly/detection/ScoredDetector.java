package dev.uip.anomaly.detection;

/** A detector that records, per bucket it judges, what it expected and how surprising the bucket was. */
abstract class ScoredDetector implements Detector {

    /** What the detector expected for the last observed bucket; {@code NaN} while learning. */
    protected double expected = Double.NaN;
    /** How surprising the last observed bucket was; 0 while learning. */
    protected double surprise;

    @Override
    public final double expected() {
        return expected;
    }

    @Override
    public double surprise() {
        return surprise;
    }
}
