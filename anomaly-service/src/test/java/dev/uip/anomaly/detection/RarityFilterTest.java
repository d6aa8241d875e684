package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** When a detector's score counts as rare in its own history. */
class RarityFilterTest {

    /** A filter fed {@code n} exponentially distributed scores (mean 1); returns the largest. */
    private static double feed(RarityFilter filter, int n, long seed) {
        Random random = new Random(seed);
        double max = 0;
        for (int i = 0; i < n; i++) {
            double score = -Math.log(1 - random.nextDouble());
            max = Math.max(max, score);
            filter.rare(score);
        }
        return max;
    }

    @Test
    void aShortHistoryDoesNotCallEveryNewRecordRare() {
        // 500 scores cannot show by counting what is rarer than once in 10,000: a score just past the largest
        // seen is what the fitted tail expects about once in a few hundred, one far beyond it is rare
        RarityFilter filter = new RarityFilter(1e-4, 288);
        double max = feed(filter, 500, 7);
        assertFalse(filter.rare(max * 1.3), "just past the record of " + max);
        assertTrue(filter.rare(max + 12), "far beyond the record of " + max);
    }

    @Test
    void aLongHistoryLetsThroughWhatItsCountsShowToBeRare() {
        RarityFilter filter = new RarityFilter(1e-3, 288);
        double max = feed(filter, 20_000, 8);
        assertTrue(filter.rare(max * 1.3), "past the record of " + max + " in 20,000 scores");
        assertFalse(filter.rare(3.0), "a score seen about once in 20");
    }

    @Test
    void nothingIsRareBeforeTheMinimumHistory() {
        RarityFilter filter = new RarityFilter(1e-4, 288);
        feed(filter, 100, 9);
        assertFalse(filter.rare(1e6));
    }
}
