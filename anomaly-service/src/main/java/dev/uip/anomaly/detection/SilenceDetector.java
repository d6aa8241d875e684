package dev.uip.anomaly.detection;

/**
 * "Stopped firing": learns how many empty buckets usually lie between non-empty ones and which share of buckets
 * is non-empty, and calls a run of empty buckets silent when it is longer than {@code gapFactor} times the typical
 * gap and also improbable ({@code < alpha}) if buckets were independently empty with the learned share. Busy
 * events are thus called silent after {@code minBuckets} empty buckets, sparse or bursty ones only after gaps
 * they have rarely shown.
 */
public final class SilenceDetector extends ScoredDetector {

    private static final double SMOOTHING = 0.05;

    private final double gapFactor;
    private final double alpha;
    private final int minBuckets;
    private final int minArrivals;
    private final CountShape shape = new CountShape();
    private double typicalGap = Double.NaN;
    private double busyShare = Double.NaN;
    private long arrivals;
    private long emptyRun;

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
            return Verdict.NORMAL;
        }
        if (value > 0) {
            // the share is frozen during an empty run (else a long silence would excuse itself) and catches up
            // with the run's empty buckets when the event fires again
            double decayed = Double.isNaN(busyShare) ? 1.0 : busyShare * Math.pow(1 - SMOOTHING, emptyRun);
            busyShare = decayed + SMOOTHING * (1.0 - decayed);
            if (arrivals > 0) {
                double gap = emptyRun;
                typicalGap = Double.isNaN(typicalGap) ? gap : typicalGap + SMOOTHING * (gap - typicalGap);
            }
            arrivals++;
            emptyRun = 0;
            return Verdict.NORMAL;
        }
        emptyRun++;
        if (arrivals < minArrivals || Double.isNaN(typicalGap)) {
            return Verdict.NORMAL;
        }
        expected = busyShare;
        return emptyRun >= allowedEmptyRun() ? Verdict.SILENT : Verdict.NORMAL;
    }

    /** The empty-run length from which the event counts as stopped. */
    long allowedEmptyRun() {
        double byGap = Math.ceil(gapFactor * typicalGap);
        // P(n empty buckets in a row) = (1 - busyShare)^n, which must fall below alpha
        double byShare = busyShare >= 1 ? 0 : Math.ceil(Math.log(alpha) / Math.log1p(-busyShare));
        return (long) Math.max(minBuckets, Math.max(byGap, byShare));
    }

    /** The empty run as a multiple of the run from which the event counts as stopped. */
    @Override
    public double surprise() {
        return arrivals < minArrivals || Double.isNaN(typicalGap) ? 0 : (double) emptyRun / allowedEmptyRun();
    }
}
