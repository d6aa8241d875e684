package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A PERCENT_CHANGE rule: each closed window's total against the total of the window {@code baselineMinutes}
 * earlier (rounded to whole windows), kept in a ring of exactly that many window totals. A baseline of zero, or
 * below the rule's minimum volume, judges nothing.
 */
final class PercentChangeWatch extends RuleWatch {

    static final int CLEAR_WINDOWS = 2;

    private final float[] ring;
    private int filled;
    private int next;
    private long lastWindow = Long.MIN_VALUE;

    PercentChangeWatch(RuleConfig rule, WindowSum window) {
        super(rule, window, CLEAR_WINDOWS);
        long lag = Math.round(rule.baselineMinutes() * 60.0 / window.seconds);
        this.ring = new float[(int) Math.max(1, lag)];
    }

    @Override
    void observe(long bucketStart, List<RuleAlert> out) {
        if (!window.closed()) {
            return;
        }
        if (lastWindow != Long.MIN_VALUE) {
            // windows the caller never fed count as empty
            long skipped = Math.min(ring.length, (window.start() - lastWindow) / window.seconds - 1);
            for (long i = 0; i < skipped; i++) {
                push(0);
            }
        }
        lastWindow = window.start();
        double total = window.total();
        Verdict verdict = Verdict.NORMAL;
        double base = filled == ring.length ? ring[next] : Double.NaN;
        if (base > 0 && base >= rule.minVolume()) {
            double change = (total - base) / base * 100;
            RuleConfig.Direction direction = rule.direction();
            if (change >= rule.percent() && direction != RuleConfig.Direction.DOWN) {
                verdict = Verdict.HIGH;
            } else if (-change >= rule.percent() && direction != RuleConfig.Direction.UP) {
                verdict = Verdict.LOW;
            }
        }
        push(total);
        step(bucketStart, verdict, "percent-change", base, out);
    }

    private void push(double total) {
        ring[next] = (float) total;
        next = (next + 1) % ring.length;
        filled = Math.min(filled + 1, ring.length);
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        out.writeInt(ring.length);
        out.writeInt(filled);
        out.writeInt(next);
        out.writeLong(lastWindow);
        for (int i = 0; i < filled; i++) {
            out.writeFloat(ring[i]);
        }
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        Snapshots.expect(in.readInt() == ring.length, "baseline changed");
        filled = in.readInt();
        next = in.readInt();
        Snapshots.expect(filled >= 0 && filled <= ring.length && next >= 0 && next < ring.length, "ring out of range");
        lastWindow = in.readLong();
        for (int i = 0; i < filled; i++) {
            ring[i] = in.readFloat();
        }
    }
}
