package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The running total of the current tumbling window (windows of {@code buckets} buckets, aligned to multiples of
 * their length since the epoch), shared by every rule of a series that evaluates that window length.
 */
final class WindowSum {

    final int buckets;
    final long seconds;
    private long start = Long.MIN_VALUE;
    private double total;
    private boolean closed;

    WindowSum(int buckets, long bucketSeconds) {
        this.buckets = buckets;
        this.seconds = buckets * bucketSeconds;
    }

    /** Adds the bucket; afterwards {@link #closed()} says whether it was the window's last bucket. */
    void add(long bucketStart, long bucketSeconds, double value) {
        long windowStart = Math.floorDiv(bucketStart, seconds) * seconds;
        if (windowStart != start) {
            start = windowStart;
            total = 0;
        }
        total += value;
        closed = bucketStart + bucketSeconds >= start + seconds;
    }

    long start() {
        return start;
    }

    long end() {
        return start + seconds;
    }

    /** The window's total so far. */
    double total() {
        return total;
    }

    /** Whether the last added bucket completed the window. */
    boolean closed() {
        return closed;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(start);
        out.writeDouble(total);
    }

    void read(DataInput in) throws IOException {
        start = in.readLong();
        total = in.readDouble();
        Snapshots.expect(start == Long.MIN_VALUE || Math.floorMod(start, seconds) == 0, "window length changed");
    }
}
