package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/** A fixed-size ring of the most recent values (stored as floats) with their median and median absolute deviation. */
final class TrailingWindow {

    private final float[] values;
    private final double[] scratch;
    private int size;
    private int next;

    TrailingWindow(int capacity) {
        if (capacity < 3) {
            throw new IllegalArgumentException("window must hold at least 3 values");
        }
        values = new float[capacity];
        scratch = new double[capacity];
    }

    void add(double value) {
        values[next] = (float) value;
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
        for (int i = 0; i < size; i++) {
            scratch[i] = values[i];
        }
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

    void write(DataOutput out) throws IOException {
        out.writeShort(values.length);
        out.writeShort(size);
        out.writeShort(next);
        for (int i = 0; i < size; i++) {
            out.writeFloat(values[i]);
        }
    }

    void read(DataInput in) throws IOException {
        Snapshots.expect(in.readUnsignedShort() == values.length, "window capacity changed");
        int n = in.readUnsignedShort();
        int at = in.readUnsignedShort();
        Snapshots.expect(n <= values.length && at < values.length, "window out of range");
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        size = n;
        next = at;
    }
}
