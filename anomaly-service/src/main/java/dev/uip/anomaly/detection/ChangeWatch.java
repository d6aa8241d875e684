package dev.uip.anomaly.detection;

import java.util.List;

/**
 * A DROP or SPIKE rule: the LOW (or HIGH) verdicts of the series' shared {@link ChangeEnsemble} at the rule's
 * sensitivity, ignored while the expected count per window is below the rule's minimum volume. A DROP does not open
 * on an empty window that a STOPPED rule over the same windows judges: whether no events at all is abnormal is
 * that rule's call (it knows how often the event has empty windows and how long their runs are).
 */
final class ChangeWatch extends RuleWatch {

    private final ChangeEnsemble ensemble;
    private final Verdict wanted;
    /** The STOPPED rule over the same windows, if any. */
    private StoppedWatch stop;

    ChangeWatch(RuleConfig rule, WindowSum window, ChangeEnsemble ensemble, WatcherSettings s) {
        super(rule, window, s.clearBuckets());
        this.ensemble = ensemble;
        this.wanted = rule.kind() == RuleConfig.Kind.DROP ? Verdict.LOW : Verdict.HIGH;
    }

    /** Leaves the empty windows that {@code stopped} judges to it. */
    void leaveEmptyWindowsTo(StoppedWatch stopped) {
        this.stop = stopped;
    }

    @Override
    void observe(long bucketStart, List<RuleAlert> out) {
        if (!window.closed()) {
            return;
        }
        ChangeEnsemble.Finding finding = ensemble.find(wanted, rule.sensitivity().factor(), !open());
        if (finding != null && rule.minVolume() > 0 && !(finding.expected() >= rule.minVolume())) {
            finding = null;
        }
        if (finding != null && !open() && wanted == Verdict.LOW && window.total() == 0 && stop != null
                && stop.judgesEmptyWindows()) {
            finding = null;
        }
        if (finding == null) {
            step(bucketStart, Verdict.NORMAL, null, ensemble.expected(), out);
        } else {
            step(bucketStart, wanted, finding.detector(), finding.expected(), out);
        }
    }
}
