package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * "Stopped firing": learns how many empty buckets usually lie between non-empty ones and which share of buckets
 * is non-empty, and calls a run of empty buckets silent when it is longer than {@code gapFactor} times the typical
 * gap and also improbable ({@code < alpha}) if buckets were empty with the learned share, each empty bucket going
 * on with the learned chance of a run going on (empty buckets cluster in nights and lulls). Busy
 * events are thus called silent after {@code minBuckets} empty buckets, sparse or bursty ones only after gaps
 * they have rarely shown. A single empty bucket is already silent when it is improbable both under the learned
 * share and under a count model of the last hour or so of buckets (a negative binomial with the recent mean and
 * variance, so bursty counts are not taken for steady ones): an event of 30 a bucket is stopped at its first
 * empty bucket, one of 2 a bucket is not.
 */
public final class SilenceDetector extends ScoredDetector {

    /** Weight of a new gap in the typical gap. */
    private static final double SMOOTHING = 0.05;
    /** Weight of a new bucket in the share of non-empty buckets (a memory of about a day of 1-minute buckets). */
    private static final double SHARE_SMOOTHING = 1.0 / 1440;
    private static final int MAX_BUCKETS = 1 << 20;
    /** Weight of a new bucket in the recent mean and variance of the counts (a memory of about 60 buckets). */
    private static final double RATE_SMOOTHING = 1.0 / 60;
    /** Buckets of counts to see before one empty bucket may be silent. */
    private static final int RATE_MIN_BUCKETS = 60;
    /** Empty buckets of a run replayed into the recent counts when the event fires again (older ones weigh nil). */
    private static final int RATE_MAX_REPLAY = 600;

    private final double gapFactor;
    private final double alpha;
    private final int minBuckets;
    private final int minArrivals;
    private final CountShape shape = new CountShape();
    private float typicalGap = Float.NaN;
    /** Running mean length of the empty runs seen (NaN before the first): how strongly empty buckets cluster. */
    private float typicalRun = Float.NaN;
    private float busyShare = Float.NaN;
    private long arrivals;
    private long emptyRun;
    private int buckets;
    private float rateMean = Float.NaN;
    private float rateVariance = Float.NaN;
    private int rateBuckets;

    /**
     * @param gapFactor how many typical gaps an empty run must exceed
     * @param alpha probability below which an empty run is improbable
     * @param minBuckets fewest empty buckets ever called silent
     * @param minArrivals non-empty buckets to see before judging (an event must have been active)
     */
    public SilenceDetector(double gapFactor, double alpha, int minBuckets, int minArrivals) {
        this.gapFactor = gapFactor;
        this.alpha = alpha;
        this.minBuckets = minBuckets;
        this.minArrivals = minArrivals;
    }

    @Override
    public String name() {
        return "silence";
    }

    @Override
    public Verdict observe(long epochSecond, double value) {
        shape.observe(value);
        if (!shape.isCount()) {
            return judged(0, Verdict.NORMAL);
        }
        if (value > 0) {
            // a run teaches at most the length from which it counts as a stop (an outage would excuse the next
            // one; runs that are longer as a rule are learned over several runs)
            long learnedRun = judging() ? Math.min(emptyRun, allowedEmptyRun()) : emptyRun;
            // the share is frozen during an empty run (else a long silence would excuse itself) and catches up
            // with the run's empty buckets when the event fires again
            // a running average until the memory is full, an exponential one after
            double share = Float.isNaN(busyShare) ? 1.0 : busyShare;
            long i = 0;
            for (; i < emptyRun && buckets < MAX_BUCKETS && 1.0 / (buckets + 1) > SHARE_SMOOTHING; i++) {
                share -= share * shareRate();
            }
            share *= Math.pow(1 - SHARE_SMOOTHING, emptyRun - i);
            buckets = (int) Math.min(MAX_BUCKETS, buckets + emptyRun - i);
            busyShare = (float) (share + shareRate() * (1.0 - share));
            if (arrivals > 0 && emptyRun > 0) {
                double run = Math.min(learnedRun, 1e6);
                typicalRun = (float) (Float.isNaN(typicalRun) ? run : typicalRun + SMOOTHING * (run - typicalRun));
            }
            if (arrivals > 0) {
                double gap = emptyRun;
                typicalGap = (float) (Float.isNaN(typicalGap) ? gap : typicalGap + SMOOTHING * (gap - typicalGap));
            }
            for (long z = Math.min(emptyRun, RATE_MAX_REPLAY); z > 0; z--) {
                learnRate(0);
            }
            learnRate(value);
            arrivals++;
            emptyRun = 0;
            return judged(0, Verdict.NORMAL);
        }
        emptyRun++;
        if (!judging()) {
            return judged(0, Verdict.NORMAL);
        }
        expected = busyShare;
        // strength 1 is reached one bucket before the run counts as stopped, so "above 1" means stopped
        return judged((double) emptyRun / (allowedEmptyRun() - 0.5), Verdict.SILENT);
    }

    /**
     * Starts learning the share of busy buckets again (the old share holds until the next non-empty bucket
     * replaces it) and forgets the current empty run.
     */
    void forgetShare() {
        buckets = 0;
        emptyRun = 0;
    }

    /** Counts the bucket and returns the share's learning rate for it. */
    private double shareRate() {
        buckets = Math.min(MAX_BUCKETS, buckets + 1);
        return Math.max(SHARE_SMOOTHING, 1.0 / buckets);
    }

    /** Adds one bucket to the recent mean and variance of the counts (a running average until they are full). */
    private void learnRate(double value) {
        rateBuckets = Math.min(MAX_BUCKETS, rateBuckets + 1);
        double w = Math.max(RATE_SMOOTHING, 1.0 / rateBuckets);
        if (Float.isNaN(rateMean)) {
            rateMean = (float) value;
            rateVariance = 0;
            return;
        }
        double d = value - rateMean;
        rateMean = (float) (rateMean + w * d);
        rateVariance = (float) ((1 - w) * (rateVariance + w * d * d));
    }

    /**
     * The probability of one empty bucket under a negative binomial with the recent mean and variance (Poisson
     * when the variance is not above the mean): {@code D^(-mean / (D - 1))} with {@code D = variance / mean}.
     */
    double emptyBucketProbability() {
        if (rateBuckets < RATE_MIN_BUCKETS || !(rateMean > 0)) {
            return 1;
        }
        double dispersion = Math.max(1, rateVariance / rateMean);
        double logP = dispersion - 1 < 1e-9 ? -rateMean : -rateMean * Math.log(dispersion) / (dispersion - 1);
        return Math.exp(logP);
    }

    /** The empty-run length from which the event counts as stopped. */
    long allowedEmptyRun() {
        double byGap = Math.ceil(gapFactor * typicalGap);
        // P(n empty buckets in a row) = (1 - busyShare)^n, which must fall below alpha
        double byShare = busyShare >= 1 ? 0 : Math.ceil(Math.log(alpha) / Math.log1p(-busyShare));
        if (busyShare < 1 && typicalRun > 1) {
            // empty buckets cluster (nights, lulls): a run goes on with probability 1 - 1/typicalRun, which is
            // higher than the share of empty buckets when runs are longer than independent buckets would make them
            double p0 = 1 - busyShare;
            double goOn = Math.max(p0, 1 - 1 / typicalRun);
            byShare = Math.max(byShare, 1 + Math.ceil(Math.log(alpha / p0) / Math.log(goOn)));
        }
        // one empty bucket is enough when the recent counts, too, make it improbable
        boolean firstImprobable = Math.max(1 - busyShare, emptyBucketProbability()) < alpha;
        return (long) Math.max(firstImprobable ? 1 : minBuckets, Math.max(byGap, byShare));
    }

    /** The empty run as a multiple of the run from which the event counts as stopped. */
    @Override
    public double surprise() {
        return judging() ? (double) emptyRun / allowedEmptyRun() : 0;
    }

    /** Whether the detector judges the empty buckets of this series (it counts events and has learned enough). */
    boolean judgesEmptyBuckets() {
        return shape.isCount() && judging();
    }

    /** Whether the detector has learned enough to judge empty runs. */
    private boolean judging() {
        return arrivals >= minArrivals && !Float.isNaN(typicalGap) && !Float.isNaN(busyShare);
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        shape.write(out);
        out.writeFloat(typicalGap);
        out.writeFloat(typicalRun);
        out.writeFloat(busyShare);
        out.writeLong(arrivals);
        out.writeLong(emptyRun);
        out.writeInt(buckets);
        out.writeFloat(rateMean);
        out.writeFloat(rateVariance);
        out.writeInt(rateBuckets);
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        shape.read(in);
        typicalGap = in.readFloat();
        typicalRun = in.readFloat();
        busyShare = in.readFloat();
        arrivals = in.readLong();
        emptyRun = in.readLong();
        buckets = in.readInt();
        rateMean = in.readFloat();
        rateVariance = in.readFloat();
        rateBuckets = in.readInt();
        Snapshots.expect(arrivals >= 0 && emptyRun >= 0 && rateBuckets >= 0, "negative silence counters");
    }
}
