package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Whether every value seen so far is a non-negative whole number, i.e. the series is a count. */
final class CountShape {

    private boolean count = true;
    private boolean seen;

    void observe(double value) {
        seen = true;
        if (value < 0 || value != Math.rint(value)) {
            count = false;
        }
    }

    boolean isCount() {
        return count && seen;
    }

    void write(DataOutput out) throws IOException {
        out.writeByte((count ? 1 : 0) | (seen ? 2 : 0));
    }

    void read(DataInput in) throws IOException {
        int flags = in.readUnsignedByte();
        count = (flags & 1) != 0;
        seen = (flags & 2) != 0;
    }
}
