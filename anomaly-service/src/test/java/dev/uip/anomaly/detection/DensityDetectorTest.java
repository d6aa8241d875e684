package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.detection.AlertGate.Transition;
import dev.uip.anomaly.detection.RuleConfig.Kind;

class DensityDetectorTest {

    private static final long FIVE_MINUTES = 300;

    /** Bursts of 20 at buckets 0 and 6 of every 100; from {@code extraFrom} on, also every 5 buckets for a while. */
    private static double[] bursts(int buckets, int extraFrom) {
        double[] values = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            boolean usual = i % 100 == 0 || i % 100 == 6;
            boolean extra = i >= extraFrom && i < extraFrom + 20 && (i - extraFrom) % 5 == 0;
            values[i] = usual || extra ? 20 : 0;
        }
        return values;
    }

    @Test
    void burstsComingThickerAreAbnormalThoughNoneIsLargerThanUsual() {
        List<Integer> abnormal = SyntheticSeries.abnormal(new DensityDetector(16, 6), bursts(4000, 2005), 300);
        assertTrue(!abnormal.isEmpty() && abnormal.get(0) >= 2005 && abnormal.get(0) <= 2020, abnormal.toString());
        assertTrue(abnormal.stream().allMatch(i -> i >= 2005 && i < 2040), abnormal.toString());
    }

    @Test
    void theUsualRhythmOfBurstsIsNeverAbnormal() {
        assertEquals(List.of(), SyntheticSeries.abnormal(new DensityDetector(16, 6), bursts(4000, 99_999), 300));
    }

    @Test
    void theDefaultSpikeRuleOpensOnBurstsComingThicker() {
        double[] values = bursts(4000, 2005);
        SeriesMonitor monitor = SeriesMonitor.create(FIVE_MINUTES, SeriesMonitor.defaultRules(""));
        List<RuleAlert> opened = SyntheticSeries.feed(monitor, values, 0, values.length, FIVE_MINUTES).stream()
                .filter(a -> a.transition() == Transition.OPENED).toList();
        assertEquals(1, opened.size(), opened.toString());
        assertEquals(Kind.SPIKE, opened.get(0).kind());
        assertEquals("density", opened.get(0).detector());
        long at = (opened.get(0).bucketStart() - SyntheticSeries.START) / FIVE_MINUTES;
        assertTrue(at >= 2005 && at <= 2020, "opened at " + at);
    }
}
