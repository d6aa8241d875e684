package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

    @Test
    void aBusyEventThatStopsIsSilentAtItsFirstEmptyBucket() {
        // P(empty) = e^-50 under the learned rate
        double[] values = new SyntheticSeries(7).poisson(300, i -> i < 200 ? 50 : 0);
        List<Integer> abnormal = SyntheticSeries.abnormal(new SilenceDetector(3, 1e-4, 2, 10), values, 60);
        assertEquals(200, abnormal.get(0));
        assertTrue(abnormal.stream().allMatch(i -> i >= 200));
    }

    @Test
    void aBurstyEventOfTheSameMeanWaitsForASecondEmptyBucket() {
        // 5 and 55 in turn: mean 30 but a variance of 625, so one empty bucket is not improbable enough
        double[] values = new double[300];
        for (int i = 0; i < 200; i++) {
            values[i] = i % 2 == 0 ? 5 : 55;
        }
        SilenceDetector detector = new SilenceDetector(3, 1e-4, 2, 10);
        List<Integer> abnormal = SyntheticSeries.abnormal(detector, values, 60);
        assertEquals(201, abnormal.get(0));
        SilenceDetector steady = new SilenceDetector(3, 1e-4, 2, 10);
        SyntheticSeries.abnormal(steady, new SyntheticSeries(5).poisson(200, i -> 30), 60);
        assertTrue(steady.emptyBucketProbability() < 1e-10, "Poisson(30): " + steady.emptyBucketProbability());
        assertTrue(detector.emptyBucketProbability() > 1e-3, "bursty: " + detector.emptyBucketProbability());
    }

    @Test
    void aSparseEventIsCalledStoppedOnlyAfterALongGap() {
        // about one event every 5 buckets: empty runs of a few buckets are normal
        double[] values = new SyntheticSeries(8).poisson(3000, i -> i < 2500 ? 0.2 : 0);
        SilenceDetector detector = new SilenceDetector(3, 1e-4, 2, 10);
        List<Integer> abnormal = SyntheticSeries.abnormal(detector, values, 60);
        assertTrue(abnormal.stream().noneMatch(i -> i < 2500), "false silences: " + abnormal);
        int first = abnormal.get(0);
        assertTrue(first > 2510 && first < 2600, "stop noticed within a hundred buckets: " + first);
    }

    @Test
    void emptyBucketsThatComeInRunsAreLearnedAsNormalButAStopIsStillFound() {
        // about 5 a bucket for 60 buckets, then 12 empty ones, again and again for four days; then it stops
        int cycles = 4 * 1440 / 72;
        int stop = cycles * 72;
        double[] values = new SyntheticSeries(41).poisson(stop + 1440, i -> i < stop && i % 72 < 60 ? 5 : 0);
        List<Integer> abnormal = SyntheticSeries.abnormal(new SilenceDetector(3, 1e-6, 2, 10), values, 60);
        // the first runs are stops (nothing is known yet); the last two days' runs are not
        assertTrue(abnormal.stream().noneMatch(i -> i >= 2 * 1440 && i < stop), "false stops: " + abnormal);
        assertTrue(abnormal.stream().anyMatch(i -> i >= stop && i < stop + 1440), "the stop was missed");
    }
}
