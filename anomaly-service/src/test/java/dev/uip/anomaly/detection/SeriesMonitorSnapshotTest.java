package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.detection.AlertGate.Transition;
import dev.uip.anomaly.detection.RuleConfig.Direction;
import dev.uip.anomaly.detection.RuleConfig.Kind;
import dev.uip.anomaly.detection.RuleConfig.Sensitivity;

/** Snapshots: exact continuation, rule changes, unreadable input, and the size of the state. */
class SeriesMonitorSnapshotTest {

    private static final long MINUTE = 60;
    private static final List<RuleConfig> RULES = List.of(RuleConfig.defaultStopped("S"), RuleConfig.defaultDrop("D"),
            RuleConfig.defaultSpike("P"), RuleConfig.bound("A", Kind.ABOVE, 4000, 60),
            RuleConfig.percentChange("C", 40, Direction.BOTH, 30, 120));

    /** A daily shape with a spike, a drop and a stop, over five days of minutes. */
    private static double[] eventful() {
        return new SyntheticSeries(77).poisson(5 * 1440, i -> {
            double base = 40 + 30 * Math.sin(2 * Math.PI * i / 1440);
            if (i >= 3000 && i < 3010) {
                return base * 5;
            }
            if (i >= 4500 && i < 4560) {
                return base * 0.2;
            }
            return i >= 6000 && i < 6100 ? 0 : base;
        });
    }

    @Test
    void aMonitorRestoredFromSnapshotsRaisesExactlyTheAlertsOfAnUninterruptedOne() {
        double[] values = eventful();
        List<RuleAlert> uninterrupted = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, RULES), values, 0,
                values.length, MINUTE);
        assertTrue(uninterrupted.stream().map(RuleAlert::kind).distinct().count() >= 4, uninterrupted.toString());

        List<RuleAlert> resumed = new ArrayList<>();
        SeriesMonitor monitor = SeriesMonitor.create(MINUTE, RULES);
        int step = 997; // snapshots at odd places: mid-window, mid-incident
        for (int from = 0; from < values.length; from += step) {
            resumed.addAll(SyntheticSeries.feed(monitor, values, from, Math.min(values.length, from + step), MINUTE));
            monitor = SeriesMonitor.restore(MINUTE, RULES, monitor.snapshot());
        }
        assertEquals(uninterrupted, resumed);
    }

    @Test
    void restoreKeepsTheStateOfRulesStillPresentAndStartsNewOnesFresh() {
        double[] values = new SyntheticSeries(9).poisson(1000, i -> i >= 800 && i < 900 ? 0 : 30);
        SeriesMonitor before = SeriesMonitor.create(MINUTE, SeriesMonitor.defaultRules("r/"));
        SyntheticSeries.feed(before, values, 0, 850, MINUTE);
        assertTrue(before.open("r/STOPPED"));

        // SPIKE removed, DROP now HIGH, a new ABOVE rule: STOPPED stays open and resolves when the event resumes
        List<RuleConfig> changed = List.of(RuleConfig.defaultStopped("r/STOPPED"),
                RuleConfig.defaultDrop("r/DROP").withSensitivity(Sensitivity.HIGH),
                RuleConfig.bound("r/ABOVE", Kind.ABOVE, 1000, 1));
        SeriesMonitor after = SeriesMonitor.restore(MINUTE, changed, before.snapshot());
        assertTrue(after.open("r/STOPPED"));
        assertFalse(after.open("r/SPIKE"));
        List<RuleAlert> rest = SyntheticSeries.feed(after, values, 850, 1000, MINUTE);
        assertEquals(List.of(new RuleAlert("r/STOPPED", Kind.STOPPED, Transition.RESOLVED, Verdict.SILENT,
                "silence", SyntheticSeries.START + 902 * MINUTE, SyntheticSeries.START + 902 * MINUTE,
                SyntheticSeries.START + 903 * MINUTE, values[902], Double.NaN)), rest);

        // the drop detectors kept what they learned: a drop right after the restore is alerted at once
        double[] dropping = new SyntheticSeries(10).poisson(1000, i -> i < 800 ? 100 : 20);
        SeriesMonitor learned = SeriesMonitor.create(MINUTE, SeriesMonitor.defaultRules("r/"));
        SyntheticSeries.feed(learned, dropping, 0, 800, MINUTE);
        SeriesMonitor continued = SeriesMonitor.restore(MINUTE, changed, learned.snapshot());
        assertEquals(List.of(800), SyntheticSeries.opened(continued, Arrays.copyOf(dropping, 801), MINUTE, Kind.DROP)
                .stream().filter(i -> i >= 800).toList());
    }

    @Test
    void anUnreadableSnapshotGivesAFreshMonitor() {
        double[] values = new SyntheticSeries(9).poisson(1000, i -> i < 800 ? 30 : 0);
        List<RuleAlert> fresh = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, RULES), values, 0, values.length,
                MINUTE);
        SeriesMonitor used = SeriesMonitor.create(MINUTE, RULES);
        SyntheticSeries.feed(used, values, 0, 500, MINUTE);
        byte[] good = used.snapshot();
        byte[] flipped = good.clone();
        flipped[0] = 99; // unknown version
        byte[] noise = new byte[good.length];
        new Random(1).nextBytes(noise);
        List<byte[]> unreadable = List.of(new byte[0], flipped, noise, Arrays.copyOf(good, good.length / 2));
        for (byte[] snapshot : unreadable) {
            SeriesMonitor restored = SeriesMonitor.restore(MINUTE, RULES, snapshot);
            assertEquals(fresh, SyntheticSeries.feed(restored, values, 0, values.length, MINUTE));
        }
        // another bucket width is not this series' state either
        assertEquals(fresh, SyntheticSeries.feed(SeriesMonitor.restore(MINUTE, RULES,
                SeriesMonitor.restore(300, RULES, good).snapshot()), values, 0, values.length, MINUTE));
        assertEquals(fresh, SyntheticSeries.feed(SeriesMonitor.restore(MINUTE, RULES, null), values, 0,
                values.length, MINUTE));
    }

    @Test
    void aCorruptSectionStartsOnlyThatComponentFresh() {
        double[] values = new SyntheticSeries(9).poisson(1000, i -> i >= 800 && i < 900 ? 0 : 30);
        SeriesMonitor used = SeriesMonitor.create(MINUTE, SeriesMonitor.defaultRules(""));
        SyntheticSeries.feed(used, values, 0, 850, MINUTE);
        assertTrue(used.open("STOPPED"));
        byte[] snapshot = used.snapshot();
        // the STOPPED rule's section claims another kind: that rule starts fresh, the drop detectors keep their state
        int at = indexOf(snapshot, "r:STOPPED".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        snapshot[at + "r:STOPPED".length() + 4] = (byte) Kind.PERCENT_CHANGE.ordinal();
        SeriesMonitor restored = SeriesMonitor.restore(MINUTE, SeriesMonitor.defaultRules(""), snapshot);
        assertFalse(restored.open("STOPPED"));
        assertEquals(List.of(), SyntheticSeries.feed(restored, values, 850, 1000, MINUTE).stream()
                .filter(a -> a.kind() == Kind.STOPPED).toList());

        double[] dropping = new SyntheticSeries(10).poisson(1000, i -> i < 800 ? 100 : 20);
        SeriesMonitor learned = SeriesMonitor.create(MINUTE, SeriesMonitor.defaultRules(""));
        SyntheticSeries.feed(learned, dropping, 0, 800, MINUTE);
        byte[] learnedSnapshot = learned.snapshot();
        int stopped = indexOf(learnedSnapshot, "r:STOPPED".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        learnedSnapshot[stopped + "r:STOPPED".length() + 4] = (byte) Kind.PERCENT_CHANGE.ordinal();
        SeriesMonitor continued = SeriesMonitor.restore(MINUTE, SeriesMonitor.defaultRules(""), learnedSnapshot);
        assertTrue(continued.observe(SyntheticSeries.START + 800 * MINUTE, dropping[800]).stream()
                .anyMatch(a -> a.kind() == Kind.DROP && a.transition() == Transition.OPENED));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("section not found");
    }

    @Test
    void theDefaultRulesOfAOneMinuteSeriesKeepAStateOfAtMostSixKilobytes() {
        // three weeks of minutes: every seasonal slot of the day and week has been filled
        double[] values = new SyntheticSeries(2).poisson(3 * 7 * 1440,
                i -> 1000 + 800 * Math.sin(2 * Math.PI * i / 1440));
        SeriesMonitor monitor = SeriesMonitor.create(MINUTE, SeriesMonitor.defaultRules("ws/TRACK/Signed Up/"));
        SyntheticSeries.feed(monitor, values, 0, values.length, MINUTE);
        int bytes = monitor.stateBytes();
        System.out.println("state bytes, default rules, 1-minute buckets: " + bytes);
        assertTrue(bytes <= 6 * 1024, "state of " + bytes + " bytes");
    }
}
