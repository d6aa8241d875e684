package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** A STOPPED rule: the silence detector over the rule's windows, learned from the event's own gaps. */
final class StoppedWatch extends RuleWatch {

    /** Normal windows that resolve a stopped alert (the event must keep firing, not fire once). */
    static final int CLEAR_WINDOWS = 3;

    private final SilenceDetector silence;

    StoppedWatch(RuleConfig rule, WindowSum window, WatcherSettings s) {
        super(rule, window, CLEAR_WINDOWS);
        this.silence = new SilenceDetector(s.silenceGapFactor(), s.silenceAlpha(), s.silenceMinBuckets(),
                s.silenceMinArrivals());
    }

    @Override
    void observe(long bucketStart, List<RuleAlert> out) {
        if (!window.closed()) {
            return;
        }
        silence.observe(window.start(), window.total());
        step(bucketStart, silence.verdictAt(rule.sensitivity().factor()), "silence", Double.NaN, out);
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        silence.write(out);
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        silence.read(in);
    }
}
