package dev.uip.anomaly.detection;

/**
 * One causal detector over a series of buckets: fed one bucket at a time in time order, it judges that bucket
 * from what it has seen so far and then learns from it.
 */
public interface Detector {

    /** The detector's stable name, used in alerts (e.g. {@code "level"}). */
    String name();

    /**
     * Judges the bucket starting at {@code epochSecond} holding {@code value}, then learns from it.
     *
     * @return the verdict for this bucket, using only this and earlier buckets
     */
    Verdict observe(long epochSecond, double value);

    /** The value this detector expected for the last observed bucket ({@code NaN} while learning). */
    double expected();

    /**
     * How surprising the last observed bucket was, in the detector's own unit (larger is more surprising; 0 while
     * learning). Used to compare a bucket with the detector's own history.
     */
    double surprise();
}
