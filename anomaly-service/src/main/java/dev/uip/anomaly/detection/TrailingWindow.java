package dev.uip.anomaly.detection;

import java.util.Arrays;

/** A fixed-size ring of the most recent values with their median and median absolute deviation. */
final class TrailingWindow {

    private final double[] values;
    private final double[] scratch;
    private int size;
    private int next;

    TrailingWindow(int capacity) {
        if (capacity < 3) {
            throw new IllegalArgumentException("window must hold at least 3 values");
        }
        values = new double[capacity];
        scratch = new double[capacity];
    }

    void add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == values.length;
    }

    double median() {
        System.arraycopy(values, 0, scratch, 0, size);
        Arrays.sort(scratch, 0, size);
        return middle(scratch, size);
    }

    /** Median absolute deviation from {@code centre}. */
    double mad(double centre) {
        for (int i = 0; i < size; i++) {
            scratch[i] = Math.abs(values[i] - centre);
        }
        Arrays.sort(scratch, 0, size);
        return middle(scratch, size);
    }

    private static double middle(double[] sorted, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
