package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The state of one enabled rule of a series: its hysteresis gate, what its open alert opened with, and (in
 * subclasses) the kind-specific judgement of each bucket or window.
 */
abstract class RuleWatch {

    private static final List<String> DETECTORS = List.of("seasonal", "count", "level", "silence", "threshold",
            "percent-change", "density");

    final RuleConfig rule;
    final WindowSum window;
    private final AlertGate gate;
    private Verdict openedWith = Verdict.NORMAL;
    private String openedBy = "";

    RuleWatch(RuleConfig rule, WindowSum window, int clearWindows) {
        this.rule = rule;
        this.window = window;
        this.gate = new AlertGate(clearWindows);
    }

    /** Judges the series after the bucket starting at {@code bucketStart}; adds any alert change to {@code out}. */
    abstract void observe(long bucketStart, List<RuleAlert> out);

    boolean open() {
        return gate.isOpen();
    }

    /** Steps the gate with one judged window (a detector of null = normal) and reports a transition. */
    final void step(long bucketStart, Verdict verdict, String detector, double expected, List<RuleAlert> out) {
        boolean mayOpen = rule.quietHours() == null || !rule.quietHours().contains(bucketStart);
        AlertGate.Transition transition = gate.step(verdict, mayOpen);
        if (transition == AlertGate.Transition.NONE) {
            return;
        }
        if (transition == AlertGate.Transition.OPENED) {
            openedWith = verdict;
            openedBy = detector;
        }
        out.add(new RuleAlert(rule.key(), rule.kind(), transition, openedWith, openedBy, bucketStart, window.start(),
                window.end(), window.total(), expected));
    }

    void write(DataOutput out) throws IOException {
        out.writeByte(rule.kind().ordinal());
        out.writeShort(window.buckets);
        gate.write(out);
        out.writeByte(openedWith.ordinal());
        out.writeByte(Math.max(0, DETECTORS.indexOf(openedBy)));
    }

    void read(DataInput in) throws IOException {
        Snapshots.expect(in.readUnsignedByte() == rule.kind().ordinal(), "rule kind changed");
        Snapshots.expect(in.readUnsignedShort() == window.buckets, "rule window changed");
        gate.read(in);
        int verdict = in.readUnsignedByte();
        int detector = in.readUnsignedByte();
        Snapshots.expect(verdict < Verdict.values().length && detector < DETECTORS.size(), "unknown verdict");
        openedWith = Verdict.values()[verdict];
        openedBy = DETECTORS.get(detector);
    }
}
