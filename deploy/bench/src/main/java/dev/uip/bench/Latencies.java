package dev.uip.bench;

import java.util.Arrays;

/** A bounded list of latencies in nanoseconds (one writer), sorted once for percentiles. */
final class Latencies {

    private final long[] values;
    private int size;

    Latencies(int capacity) {
        values = new long[capacity];
    }

    void add(long nanos) {
        if (size < values.length) {
            values[size++] = nanos;
        }
    }

    void clear() {
        size = 0;
    }

    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /** @return the percentile p (0..1) in milliseconds, NaN when empty */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
