package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.detection.AlertGate.Transition;
import dev.uip.anomaly.detection.RuleConfig.Direction;
import dev.uip.anomaly.detection.RuleConfig.Kind;
import dev.uip.anomaly.detection.RuleConfig.QuietHours;
import dev.uip.anomaly.detection.RuleConfig.Sensitivity;

/** Static thresholds, percent change, quiet hours, sensitivity, minimum volume and rule validation. */
class SeriesMonitorRulesTest {

    private static final long MINUTE = 60;
    private static final long START = SyntheticSeries.START; // a multiple of every window used here

    private static double[] constant(int buckets, java.util.function.IntToDoubleFunction value) {
        double[] values = new double[buckets];
        Arrays.setAll(values, value::applyAsDouble);
        return values;
    }

    @Test
    void aboveOpensAsSoonAsTheRunningTotalPassesTheThresholdAndResolvesAfterTwoNormalWindows() {
        RuleConfig above = RuleConfig.bound("above", Kind.ABOVE, 500, 5);
        double[] values = constant(800, i -> i >= 600 && i < 700 ? 150 : 50);
        List<RuleAlert> alerts = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, List.of(above)), values, 0, 800,
                MINUTE);
        assertEquals(2, alerts.size(), alerts.toString());
        RuleAlert opened = alerts.get(0);
        // 150 a minute passes 500 at the window's fourth bucket (600 is a window start)
        assertEquals(new RuleAlert("above", Kind.ABOVE, Transition.OPENED, Verdict.ABOVE, "threshold",
                START + 603 * MINUTE, START + 600 * MINUTE, START + 605 * MINUTE, 600, 500), opened);
        assertEquals(Transition.RESOLVED, alerts.get(1).transition());
        assertEquals(START + 709 * MINUTE, alerts.get(1).bucketStart());
    }

    @Test
    void belowIsJudgedWhenTheWindowCloses() {
        RuleConfig below = RuleConfig.bound("below", Kind.BELOW, 100, 5);
        double[] values = constant(700, i -> i >= 600 ? 10 : 50);
        List<RuleAlert> alerts = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, List.of(below)), values, 0, 700,
                MINUTE);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(START + 604 * MINUTE, alerts.get(0).bucketStart());
        assertEquals(Verdict.BELOW, alerts.get(0).verdict());
        assertEquals(50, alerts.get(0).observed());
    }

    @Test
    void percentChangeComparesWithTheSameWindowADayEarlier() {
        // an hourly-window rule on a daily shape: 10 + hour of day per minute; on day 3 at 10:00 it falls by 60%
        int drop = 2 * 1440 + 10 * 60;
        double[] values = constant(3 * 1440, i -> (10 + (i % 1440) / 60) * (i >= drop && i < drop + 60 ? 0.4 : 1));
        RuleConfig down = RuleConfig.percentChange("down", 50, Direction.DOWN, 60, 1440);
        RuleConfig up = RuleConfig.percentChange("up", 50, Direction.UP, 60, 1440);
        List<RuleAlert> alerts = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, List.of(down, up)), values, 0,
                values.length, MINUTE);
        RuleAlert opened = alerts.get(0);
        assertEquals("down", opened.ruleKey());
        assertEquals(Verdict.LOW, opened.verdict());
        assertEquals("percent-change", opened.detector());
        assertEquals(START + (drop + 59) * MINUTE, opened.bucketStart());
        assertEquals(START + drop * MINUTE, opened.windowStart());
        assertEquals(20 * 60, opened.expected(), 1e-9);
        assertEquals(20 * 60 * 0.4, opened.observed(), 1e-6);
        // the UP rule ignores the fall; the next day's window is normal again, so the DOWN alert resolves
        assertTrue(alerts.stream().noneMatch(a -> a.ruleKey().equals("up")), alerts.toString());
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals(Transition.RESOLVED, alerts.get(1).transition());
    }

    @Test
    void quietHoursStopAlertsFromOpeningButNotFromResolving() {
        // busy all day (20 a minute); stops 21:00-23:00 (alert at 21:00, its first empty minute), fires until 23:30, then stops until 07:00
        RuleConfig stopped = RuleConfig.defaultStopped("stopped")
                .withQuietHours(new QuietHours(22, 6, ZoneId.of("UTC")));
        int day = 1440;
        double[] values = constant(4 * day, i -> {
            int minute = i - 2 * day;
            boolean silent = minute >= 21 * 60 && minute < 23 * 60 || minute >= 23 * 60 + 30 && minute < 31 * 60;
            return silent ? 0 : 20;
        });
        List<RuleAlert> alerts = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, List.of(stopped)), values, 0,
                values.length, MINUTE);
        List<Long> at = alerts.stream().map(a -> (a.bucketStart() - START) / MINUTE - 2 * day).toList();
        List<Transition> what = alerts.stream().map(RuleAlert::transition).toList();
        // opened 21:00, resolved 23:02 (inside quiet hours), opened again only at 06:00
        assertEquals(List.of(21L * 60, 23L * 60 + 2, 30L * 60, 31L * 60 + 2), at, alerts.toString());
        assertEquals(List.of(Transition.OPENED, Transition.RESOLVED, Transition.OPENED, Transition.RESOLVED), what);
    }

    @Test
    void highSensitivityAlertsOnASmallerDropThanLow() {
        double[] values = new SyntheticSeries(31).poisson(1000, i -> i < 800 ? 100 : 45);
        RuleConfig drop = RuleConfig.defaultDrop("drop");
        List<Integer> high = SyntheticSeries.opened(
                SeriesMonitor.create(MINUTE, List.of(drop.withSensitivity(Sensitivity.HIGH))), values, MINUTE,
                Kind.DROP);
        List<Integer> low = SyntheticSeries.opened(
                SeriesMonitor.create(MINUTE, List.of(drop.withSensitivity(Sensitivity.LOW))), values, MINUTE,
                Kind.DROP);
        assertTrue(high.contains(800) || high.contains(801), "high sensitivity alerted: " + high);
        assertEquals(List.of(), low);
    }

    @Test
    void minVolumeKeepsDropsOfSmallEventsQuiet() {
        double[] values = new SyntheticSeries(10).poisson(1000, i -> i < 800 ? 100 : 20);
        RuleConfig drop = RuleConfig.defaultDrop("drop");
        assertEquals(List.of(), SyntheticSeries.opened(
                SeriesMonitor.create(MINUTE, List.of(drop.withMinVolume(200))), values, MINUTE, Kind.DROP));
        assertEquals(List.of(800), SyntheticSeries.opened(
                SeriesMonitor.create(MINUTE, List.of(drop.withMinVolume(50))), values, MINUTE, Kind.DROP));
    }

    @Test
    void aSeriesBelowZeroIsNotGatedByTheDefaultMinimumVolume() {
        // a gauge-like series around -20 that jumps to +40: the default minVolume 0 must not hide it
        java.util.Random random = new java.util.Random(8);
        double[] values = constant(1000, i -> (i < 800 ? -20 : 40) + random.nextGaussian());
        assertEquals(List.of(800), SyntheticSeries.opened(
                SeriesMonitor.create(MINUTE, List.of(RuleConfig.defaultSpike("spike"))), values, MINUTE, Kind.SPIKE));
    }

    @Test
    void dropOverALongerWindowSumsItsBuckets() {
        // 3 -> 0.1 a minute is noise per minute but a clear drop per 10 minutes: 30 -> 1, called at the window's end
        // (drop and spike rules speak once their detectors have seen 288 windows)
        double[] values = new SyntheticSeries(4).poisson(4000, i -> i < 3600 ? 3 : 0.1);
        RuleConfig drop = RuleConfig.defaultDrop("drop").withWindowMinutes(10);
        List<RuleAlert> alerts = SyntheticSeries.feed(SeriesMonitor.create(MINUTE, List.of(drop)), values, 0,
                values.length, MINUTE);
        RuleAlert opened = alerts.get(0);
        assertEquals(START + 3609 * MINUTE, opened.bucketStart(), alerts.toString());
        assertEquals(START + 3600 * MINUTE, opened.windowStart());
        assertEquals(START + 3610 * MINUTE, opened.windowEnd());
    }

    @Test
    void disabledRulesRaiseNothing() {
        double[] values = constant(1000, i -> i < 800 ? 30 : 0);
        RuleConfig off = RuleConfig.defaultStopped("stopped").withEnabled(false);
        assertEquals(List.of(),
                SyntheticSeries.feed(SeriesMonitor.create(MINUTE, List.of(off)), values, 0, 1000, MINUTE));
    }

    @Test
    void invalidRulesAreRefusedWithTheFieldNamed() {
        assertMessage("threshold", () -> new RuleConfig("k", Kind.ABOVE, true, null, 0, 1, null, null, null, null,
                null));
        assertMessage("threshold", () -> new RuleConfig("k", Kind.DROP, true, null, 0, 1, 5.0, null, null, null,
                null));
        assertMessage("percent", () -> new RuleConfig("k", Kind.PERCENT_CHANGE, true, null, 0, 1, null, 1001.0, null,
                null, null));
        assertMessage("direction", () -> new RuleConfig("k", Kind.SPIKE, true, null, 0, 1, null, null, Direction.UP,
                null, null));
        assertMessage("baselineMinutes", () -> RuleConfig.percentChange("k", 10, Direction.BOTH, 1, 10081));
        assertMessage("windowMinutes", () -> RuleConfig.defaultDrop("k").withWindowMinutes(1441));
        assertMessage("minVolume", () -> RuleConfig.defaultDrop("k").withMinVolume(-1));
        assertMessage("minVolume", () -> RuleConfig.defaultDrop("k").withMinVolume(Double.NaN));
        assertMessage("startHour", () -> new QuietHours(24, 6, null));
        assertMessage("key", () -> RuleConfig.defaultDrop(""));
        assertMessage("kind", () -> new RuleConfig("k", null, true, null, 0, 1, null, null, null, null, null));
        assertMessage("duplicate", () -> SeriesMonitor.create(MINUTE,
                List.of(RuleConfig.defaultDrop("k"), RuleConfig.defaultSpike("k"))));
        assertMessage("bucketSeconds", () -> SeriesMonitor.create(0, List.of()));
        RuleConfig change = RuleConfig.percentChange("k", 10, null, 1, 1440);
        assertEquals(Direction.BOTH, change.direction());
        assertEquals(Sensitivity.MEDIUM, new RuleConfig("k", Kind.DROP, true, null, 0, 1, null, null, null, null,
                null).sensitivity());
    }

    private static void assertMessage(String field, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
