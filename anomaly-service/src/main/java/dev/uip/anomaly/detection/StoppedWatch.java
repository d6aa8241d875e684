package dev.uip.anomaly.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A STOPPED rule: the silence detector over the rule's windows, learned from the event's own gaps and share of
 * busy windows. When the series also has drop/spike detectors over the same windows with a warm seasonal
 * baseline, empty windows in slots where the season expects hardly anything (a nightly lull) are skipped: they
 * neither lengthen the empty run nor teach the detector, and an open alert stays as it is through them (the share
 * learned before the season was known is then learned again).
 */
final class StoppedWatch extends RuleWatch {

    /** Normal windows that resolve a stopped alert (the event must keep firing, not fire once). */
    static final int CLEAR_WINDOWS = 3;

    private final SilenceDetector silence;
    /** A slot whose expected count is below this share of the event's usual level is a lull. */
    static final double LULL = 0.2;

    private ChangeEnsemble season;
    /** Whether the share of busy windows has been learned with the season known (lulls skipped). */
    private boolean seasonal;

    StoppedWatch(RuleConfig rule, WindowSum window, WatcherSettings s) {
        super(rule, window, CLEAR_WINDOWS);
        this.silence = new SilenceDetector(s.silenceGapFactor(), s.silenceAlpha(), s.silenceMinBuckets(),
                s.silenceMinArrivals());
    }

    /** Lets the rule consult the series' seasonal baseline over the same windows. */
    void useSeason(ChangeEnsemble ensemble) {
        this.season = ensemble;
    }

    /** Whether this rule judges the series' empty windows (then whether one is abnormal is its call alone). */
    boolean judgesEmptyWindows() {
        return silence.judgesEmptyBuckets();
    }

    @Override
    void observe(long bucketStart, List<RuleAlert> out) {
        if (!window.closed()) {
            return;
        }
        double expected = Double.NaN;
        if (season != null && season.seasonalWarm()) {
            expected = season.expected();
            if (!seasonal) {
                // what was learned while lulls counted as empty windows understates the share: learn it again
                seasonal = true;
                silence.forgetShare();
            }
            // an event of less than one a window has too few events per slot for its season to tell a lull
            double level = season.seasonalLevel();
            if (window.total() == 0 && level >= 1 && expected < LULL * level) {
                return;
            }
        }
        silence.observe(window.start(), window.total());
        step(bucketStart, silence.verdictAt(rule.sensitivity().factor()), "silence", expected, out);
    }

    @Override
    void write(DataOutput out) throws IOException {
        super.write(out);
        silence.write(out);
        out.writeBoolean(seasonal);
    }

    @Override
    void read(DataInput in) throws IOException {
        super.read(in);
        silence.read(in);
        seasonal = in.readBoolean();
    }
}
