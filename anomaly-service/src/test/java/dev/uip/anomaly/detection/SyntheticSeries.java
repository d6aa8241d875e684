package dev.uip.anomaly.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Seeded synthetic count series for detector tests: Poisson counts around a rate that may change over time. */
final class SyntheticSeries {

    static final long START = 1_700_006_400L; // a Wednesday 00:00 UTC

    private final Random random;

    SyntheticSeries(long seed) {
        this.random = new Random(seed);
    }

    /** Poisson counts with the given rate per bucket index. */
    double[] poisson(int buckets, IntToDoubleFunction rate) {
        double[] values = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            values[i] = sample(rate.applyAsDouble(i));
        }
        return values;
    }

    private double sample(double rate) {
        if (rate > 200) {
            return Math.max(0, Math.round(rate + Math.sqrt(rate) * random.nextGaussian()));
        }
        // Knuth's method, fine for small rates
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Feeds the series to the detector and returns the indexes of abnormal buckets. */
    static List<Integer> abnormal(Detector detector, double[] values, long bucketSeconds) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (detector.observe(START + i * bucketSeconds, values[i]).abnormal()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Feeds the series to the monitor and returns the indexes of buckets at which an alert of that kind opened. */
    static List<Integer> opened(SeriesMonitor monitor, double[] values, long bucketSeconds, RuleConfig.Kind kind) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (monitor.observe(START + i * bucketSeconds, values[i]).stream()
                    .anyMatch(a -> a.transition() == AlertGate.Transition.OPENED && a.kind() == kind)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Feeds the series from bucket {@code from} (inclusive) to {@code to} (exclusive) and returns every alert. */
    static List<RuleAlert> feed(SeriesMonitor monitor, double[] values, int from, int to, long bucketSeconds) {
        List<RuleAlert> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.addAll(monitor.observe(START + i * bucketSeconds, values[i]));
        }
        return out;
    }
}
