package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CountTailDetectorTest {

    @Test
    void poissonRateTwoGivesFewFalseAlerts() {
        double[] values = new SyntheticSeries(3).poisson(10_000, i -> 2);
        List<Integer> abnormal = SyntheticSeries.abnormal(new CountTailDetector(48, 1e-6, 50), values, 60);
        assertTrue(abnormal.size() <= 2, "false alerts over 10,000 buckets: " + abnormal);
    }

    @Test
    void aBurstAtLowVolumeIsHigh() {
        double[] values = new SyntheticSeries(4).poisson(500, i -> 2);
        values[400] = 20;
        List<Integer> abnormal = SyntheticSeries.abnormal(new CountTailDetector(48, 1e-6, 50), values, 60);
        assertEquals(List.of(400), abnormal);
    }

    @Test
    void tailsMatchKnownPoissonValues() {
        // P(X >= 10 | rate 2) = 4.65e-5, P(X <= 0 | rate 2) = e^-2
        assertEquals(4.6498e-5, CountDistributions.tail(10, 2, 2, true), 1e-8);
        assertEquals(Math.exp(-2), CountDistributions.tail(0, 2, 2, false), 1e-12);
        // overdispersion makes the same count less surprising
        assertTrue(CountDistributions.tail(10, 2, 8, true) > 1e-3);
    }
}
