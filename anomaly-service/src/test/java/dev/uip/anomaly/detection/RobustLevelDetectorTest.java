package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RobustLevelDetectorTest {

    @Test
    void stepDropIsLowFromItsFirstBucket() {
        double[] values = new SyntheticSeries(1).poisson(600, i -> i < 400 ? 100 : 20);
        List<Integer> abnormal = SyntheticSeries.abnormal(new RobustLevelDetector(48, 6), values, 60);
        assertTrue(abnormal.contains(400), "drop at 400 flagged: " + abnormal);
        assertTrue(abnormal.stream().noneMatch(i -> i < 400), "nothing before the drop: " + abnormal);
    }

    @Test
    void spikeIsHighOnlyAtTheSpike() {
        double[] values = new SyntheticSeries(2).poisson(600, i -> 50);
        values[300] = 200;
        RobustLevelDetector detector = new RobustLevelDetector(48, 6);
        List<Integer> abnormal = SyntheticSeries.abnormal(detector, values, 60);
        assertEquals(List.of(300), abnormal);
    }
}
