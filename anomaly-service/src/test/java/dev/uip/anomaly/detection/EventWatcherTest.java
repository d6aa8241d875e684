package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventWatcherTest {

    @Test
    void steadyEventThatStopsOpensOneSilenceAlert() {
        double[] values = new SyntheticSeries(9).poisson(1000, i -> i < 800 ? 30 : 0);
        EventWatcher watcher = EventWatcher.withDefaults(60);
        List<Integer> opened = SyntheticSeries.opened(watcher, values, 60);
        assertTrue(opened.contains(801) || opened.contains(800), "stop alerted within two buckets: " + opened);
        assertTrue(opened.stream().allMatch(i -> i >= 800), "no alert before the stop: " + opened);
    }

    @Test
    void eightyPercentDropOpensWithinThreeBuckets() {
        double[] values = new SyntheticSeries(10).poisson(1000, i -> i < 800 ? 100 : 20);
        List<Integer> opened = SyntheticSeries.opened(EventWatcher.withDefaults(60), values, 60);
        assertTrue(opened.stream().anyMatch(i -> i >= 800 && i <= 802), "drop alerted: " + opened);
        assertTrue(opened.stream().allMatch(i -> i >= 800), "no alert before the drop: " + opened);
    }

    @Test
    void lowVolumePoissonGivesFewAlerts() {
        double[] values = new SyntheticSeries(11).poisson(10_000, i -> 2);
        List<Integer> opened = SyntheticSeries.opened(EventWatcher.withDefaults(60), values, 60);
        assertTrue(opened.size() <= 5, "false alerts over 10,000 buckets: " + opened);
    }

    @Test
    void aLongIncidentIsOneAlertNotMany() {
        double[] values = new SyntheticSeries(12).poisson(1200, i -> i >= 800 && i < 900 ? 300 : 50);
        EventWatcher watcher = EventWatcher.withDefaults(60);
        List<Integer> opened = SyntheticSeries.opened(watcher, values, 60);
        assertEquals(1, opened.stream().filter(i -> i >= 800 && i < 900).count(), "one alert: " + opened);
    }
}
