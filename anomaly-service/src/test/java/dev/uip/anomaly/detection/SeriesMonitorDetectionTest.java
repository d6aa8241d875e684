package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.detection.AlertGate.Transition;
import dev.uip.anomaly.detection.RuleConfig.Kind;

/** The default STOPPED, DROP and SPIKE rules on seeded synthetic series with known incident times. */
class SeriesMonitorDetectionTest {

    private static final long MINUTE = 60;

    private static SeriesMonitor defaults() {
        return SeriesMonitor.create(MINUTE, SeriesMonitor.defaultRules(""));
    }

    @Test
    void stepDropOpensOneDropAlertWithinTwoBuckets() {
        // the trailing level learns the new level within half its window: the alert then resolves (one incident)
        double[] values = new SyntheticSeries(10).poisson(1000, i -> i < 800 ? 100 : 20);
        SeriesMonitor monitor = defaults();
        List<RuleAlert> alerts = SyntheticSeries.feed(monitor, values, 0, 1000, MINUTE);
        List<RuleAlert> opened = alerts.stream().filter(a -> a.transition() == Transition.OPENED).toList();
        assertEquals(1, opened.size(), "one alert: " + alerts);
        RuleAlert drop = opened.get(0);
        assertEquals(Kind.DROP, drop.kind());
        assertEquals("DROP", drop.ruleKey());
        assertEquals(Verdict.LOW, drop.verdict());
        long at = (drop.bucketStart() - SyntheticSeries.START) / MINUTE;
        assertTrue(at >= 800 && at <= 801, "drop alerted at bucket " + at);
        assertEquals(drop.bucketStart(), drop.windowStart());
        assertEquals(drop.bucketStart() + MINUTE, drop.windowEnd());
        assertTrue(drop.expected() > 80 && drop.expected() < 120, "expected about 100: " + drop.expected());
        RuleAlert resolved = alerts.get(alerts.size() - 1);
        assertEquals(Transition.RESOLVED, resolved.transition());
        assertTrue(resolved.bucketStart() >= drop.bucketStart() + 12 * MINUTE, "resolved at " + resolved);
        assertEquals(Verdict.LOW, resolved.verdict());
    }

    @Test
    void spikeOpensAtItsFirstBucketAndResolvesAfterTwelveNormalBuckets() {
        double[] values = new SyntheticSeries(3).poisson(1000, i -> i >= 900 && i < 905 ? 400 : 50);
        List<RuleAlert> alerts = SyntheticSeries.feed(defaults(), values, 0, 1000, MINUTE);
        assertEquals(2, alerts.size(), "opened and resolved: " + alerts);
        RuleAlert opened = alerts.get(0);
        assertEquals(Kind.SPIKE, opened.kind());
        assertEquals(Transition.OPENED, opened.transition());
        assertEquals(Verdict.HIGH, opened.verdict());
        assertEquals(SyntheticSeries.START + 900 * MINUTE, opened.bucketStart());
        RuleAlert resolved = alerts.get(1);
        assertEquals(Transition.RESOLVED, resolved.transition());
        assertEquals(SyntheticSeries.START + (904 + 12) * MINUTE, resolved.bucketStart());
    }

    @Test
    void aSpikeIsJudgedAmongSpikesSoADeeperDropBeforeItDoesNotHideIt() {
        // the drop's score (about 9.5 standard deviations) beats the spike's (about 8): in one shared history of
        // scores the spike would not be rare, in the history of upward scores it is
        double[] values = new SyntheticSeries(21).poisson(3000,
                i -> i >= 1500 && i < 1505 ? 5 : i >= 2500 && i < 2503 ? 180 : 100);
        List<RuleAlert> opened = SyntheticSeries.feed(defaults(), values, 0, 3000, MINUTE).stream()
                .filter(a -> a.transition() == Transition.OPENED).toList();
        assertEquals(2, opened.size(), "a drop and a spike: " + opened);
        assertEquals(Kind.DROP, opened.get(0).kind());
        assertEquals(SyntheticSeries.START + 1500 * MINUTE, opened.get(0).bucketStart());
        assertEquals(Kind.SPIKE, opened.get(1).kind());
        assertEquals(SyntheticSeries.START + 2500 * MINUTE, opened.get(1).bucketStart());
    }

    @Test
    void busyEventThatStopsIsCalledStoppedAtTheFirstEmptyBucketAndResolvesWhenItResumes() {
        double[] values = new SyntheticSeries(9).poisson(1000, i -> i >= 800 && i < 900 ? 0 : 30);
        List<RuleAlert> stopped = SyntheticSeries.feed(defaults(), values, 0, 1000, MINUTE).stream()
                .filter(a -> a.kind() == Kind.STOPPED).toList();
        assertEquals(2, stopped.size(), "opened and resolved: " + stopped);
        assertEquals(SyntheticSeries.START + 800 * MINUTE, stopped.get(0).bucketStart());
        assertEquals(Verdict.SILENT, stopped.get(0).verdict());
        assertEquals("silence", stopped.get(0).detector());
        // three buckets with events in a row resolve it
        assertEquals(Transition.RESOLVED, stopped.get(1).transition());
        assertEquals(SyntheticSeries.START + 902 * MINUTE, stopped.get(1).bucketStart());
    }

    @Test
    void aNightlyLullIsNotAStopOnceTheDayIsLearnedButADaytimeStopIs() {
        // five-minute buckets, 30 per bucket from 08:00 to 20:00, nothing at night; on day 7 it stops at 14:00
        long fiveMinutes = 300;
        int perDay = 288;
        int stop = 6 * perDay + 14 * 12;
        double[] values = new SyntheticSeries(14).poisson(7 * perDay, i -> {
            int slot = i % perDay;
            return slot >= 8 * 12 && slot < 20 * 12 && i < stop ? 30 : 0;
        });
        SeriesMonitor monitor = SeriesMonitor.create(fiveMinutes, SeriesMonitor.defaultRules(""));
        List<Integer> stopped = SyntheticSeries.opened(monitor, values, fiveMinutes, Kind.STOPPED);
        // the first nights are stops (nothing is known yet); from the fourth day the season expects the lull
        assertEquals(List.of(stop), stopped.stream().filter(i -> i >= 3 * perDay).toList(), stopped.toString());
    }

    @Test
    void aBusyKeyEventIsStoppedAtTheFirstEmptyMinuteAfterItsPartialLastMinute() {
        // six hours at 30 a minute; it stops 20 s into minute 360 (about 10 events), then nothing
        int stop = 360;
        double[] values = new SyntheticSeries(31).poisson(stop + 30, i -> i < stop ? 30 : i == stop ? 10 : 0);
        List<Integer> opened = SyntheticSeries.opened(defaults(), values, MINUTE, Kind.STOPPED);
        assertEquals(List.of(stop + 1), opened);
    }

    @Test
    void aModeratelyBusyEventNeedsMoreThanOneEmptyBucket() {
        // about 2 a minute: an empty minute has a chance of e^-2, so one is no stop
        int stop = 6 * 60;
        double[] values = new SyntheticSeries(32).poisson(stop + 60, i -> i < stop ? 2 : 0);
        List<Integer> opened = SyntheticSeries.opened(defaults(), values, MINUTE, Kind.STOPPED);
        int last = stop - 1;
        while (values[last] == 0) {
            last--;
        }
        assertEquals(1, opened.size(), opened.toString());
        assertTrue(opened.get(0) - last > 2, "stopped " + (opened.get(0) - last) + " buckets after the last event");
    }

    @Test
    void busyPoissonNoiseIsNeverCalledStopped() {
        // two weeks of minutes at 30 a minute
        double[] values = new SyntheticSeries(33).poisson(14 * 1440, i -> 30);
        assertEquals(List.of(), SyntheticSeries.opened(defaults(), values, MINUTE, Kind.STOPPED));
    }

    @Test
    void lowVolumeEventIsCalledStoppedOnlyAfterAGapItHasNotShown() {
        // about three events an hour for three days, then nothing
        int stop = 3 * 1440;
        double[] values = new SyntheticSeries(21).poisson(stop + 1440, i -> i < stop ? 0.05 : 0);
        List<Integer> opened = SyntheticSeries.opened(defaults(), values, MINUTE, Kind.STOPPED);
        assertEquals(1, opened.size(), "one stopped alert: " + opened);
        int last = stop - 1;
        while (values[last] == 0) {
            last--;
        }
        int silentFor = opened.get(0) - last;
        // three an hour: five hours without one has a chance of e^-15; the learned season is noisy at this volume
        assertTrue(opened.get(0) >= stop && silentFor >= 60 && silentFor <= 8 * 60,
                "stopped alerted " + silentFor + " minutes after the last event (at " + opened.get(0) + ")");
    }

    @Test
    void weeklySeasonalityRaisesNoAlertsOnceLearned() {
        long fiveMinutes = 300;
        int perHour = 12;
        double[] values = new SyntheticSeries(5).poisson(24 * 7 * 6 * perHour, i -> weekly(i / perHour));
        SeriesMonitor monitor = SeriesMonitor.create(fiveMinutes, SeriesMonitor.defaultRules(""));
        List<RuleAlert> alerts = SyntheticSeries.feed(monitor, values, 0, values.length, fiveMinutes);
        long learned = SyntheticSeries.START + 3 * 7 * 86_400;
        List<RuleAlert> late = alerts.stream()
                .filter(a -> a.transition() == Transition.OPENED && a.bucketStart() >= learned).toList();
        assertTrue(late.isEmpty(), "false alerts after three weeks: " + late);
    }

    @Test
    void weekdayAfternoonAtNightLevelIsADropOnceTheWeekIsLearned() {
        long hour = 3600;
        int dip = 24 * 7 * 5 + 24 * 5 + 14; // a weekday 14:00 in week 6
        double[] values = new SyntheticSeries(6).poisson(24 * 7 * 6, h -> h == dip ? 50 : weekly(h));
        SeriesMonitor monitor = SeriesMonitor.create(hour, SeriesMonitor.defaultRules(""));
        List<Integer> drops = SyntheticSeries.opened(monitor, values, hour, Kind.DROP);
        assertTrue(drops.contains(dip), "dip alerted: " + drops);
    }

    @Test
    void lowCountsGiveAlmostNoAlerts() {
        double[] values = new SyntheticSeries(11).poisson(10_000, i -> 2);
        SeriesMonitor monitor = defaults();
        long opened = SyntheticSeries.feed(monitor, values, 0, values.length, MINUTE).stream()
                .filter(a -> a.transition() == Transition.OPENED).count();
        assertTrue(opened <= 3, "false alerts over 10,000 buckets: " + opened);
    }

    @Test
    void aLongIncidentIsOneAlertNotMany() {
        double[] values = new SyntheticSeries(12).poisson(1200, i -> i >= 800 && i < 900 ? 300 : 50);
        List<Integer> opened = SyntheticSeries.opened(defaults(), values, MINUTE, Kind.SPIKE);
        assertEquals(List.of(800), opened);
    }

    @Test
    void anEventThatStopsIsOneStoppedAlertNotAlsoADrop() {
        double[] values = new SyntheticSeries(41).poisson(900, i -> i >= 800 ? 0 : 30);
        List<RuleAlert> opened = SyntheticSeries.feed(defaults(), values, 0, values.length, MINUTE).stream()
                .filter(a -> a.transition() == Transition.OPENED).toList();
        assertEquals(1, opened.size(), "one alert: " + opened);
        assertEquals(Kind.STOPPED, opened.get(0).kind());
        assertEquals(SyntheticSeries.START + 800 * MINUTE, opened.get(0).bucketStart());
    }

    @Test
    void aSingleEmptyWindowOfAnEventKnownToHaveThemIsNoDrop() {
        // a half-hour gap in the collection (a stop), then, hours later, one empty minute: the silence model has
        // learned that this event has empty minutes, so it is no stop, and an empty window is not a drop either
        double[] values = new SyntheticSeries(42).poisson(2000, i -> i >= 500 && i < 530 || i == 1500 ? 0 : 30);
        List<RuleAlert> alerts = SyntheticSeries.feed(defaults(), values, 0, values.length, MINUTE);
        List<Long> stopped = alerts.stream()
                .filter(a -> a.transition() == Transition.OPENED && a.kind() == Kind.STOPPED)
                .map(a -> (a.bucketStart() - SyntheticSeries.START) / MINUTE).toList();
        assertEquals(List.of(500L), stopped);
        List<RuleAlert> drops = alerts.stream().filter(a -> a.kind() == Kind.DROP).toList();
        assertEquals(List.of(), drops);
    }

    @Test
    void anEventResumingAfterAStopIsNotASpike() {
        // the stop's empty minutes are not learned as the event's level, so its usual 30 a minute afterwards is
        // no spike (with the empty minutes in the trailing window the count model expected nothing)
        double[] values = new SyntheticSeries(42).poisson(1000, i -> i >= 500 && i < 530 ? 0 : 30);
        List<RuleAlert> alerts = SyntheticSeries.feed(defaults(), values, 0, values.length, MINUTE);
        assertEquals(List.of(), alerts.stream().filter(a -> a.kind() == Kind.SPIKE).toList());
        List<RuleAlert> stopped = alerts.stream().filter(a -> a.kind() == Kind.STOPPED).toList();
        assertEquals(2, stopped.size(), "opened and resolved: " + stopped);
        assertEquals(SyntheticSeries.START + 500 * MINUTE, stopped.get(0).bucketStart());
        assertEquals(SyntheticSeries.START + 532 * MINUTE, stopped.get(1).bucketStart());
    }

    @Test
    void withoutAStoppedRuleAnEmptyWindowOfABusyEventIsADrop() {
        double[] values = new SyntheticSeries(41).poisson(900, i -> i >= 800 ? 0 : 30);
        SeriesMonitor monitor = SeriesMonitor.create(MINUTE, List.of(RuleConfig.defaultDrop("DROP")));
        assertEquals(List.of(800), SyntheticSeries.opened(monitor, values, MINUTE, Kind.DROP));
    }

    @Test
    void aMeasurementThatFallsToZeroIsStillADrop() {
        // not a count (fractional values): the STOPPED rule does not judge its zeros, so the DROP rule does
        double[] values = new SyntheticSeries(43).poisson(900, i -> i >= 800 ? 0 : 300);
        for (int i = 0; i < 800; i++) {
            values[i] += 0.5;
        }
        assertEquals(List.of(800), SyntheticSeries.opened(defaults(), values, MINUTE, Kind.DROP));
    }

    /** Busy on weekday daytime, quiet at night and on weekends (START is a Wednesday), per hour. */
    static double weekly(int hour) {
        int hourOfDay = hour % 24;
        int day = (hour / 24 + 2) % 7; // 0 = Monday
        double daily = hourOfDay >= 8 && hourOfDay < 20 ? 200 : 20;
        return day >= 5 ? daily / 4 : daily;
    }
}
