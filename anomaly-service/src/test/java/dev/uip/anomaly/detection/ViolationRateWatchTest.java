package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.detection.ViolationRateWatch.Decision;

class ViolationRateWatchTest {

    final ViolationRateWatch watch = ViolationRateWatch.DEFAULT;

    @Test
    void opensAtTheRateOnlyWithEnoughViolations() {
        assertEquals(Decision.OPEN, watch.decide(100, 10, false));
        assertEquals(Decision.KEEP, watch.decide(100, 9, false), "below 10 %");
        // a high share of very few events is not an incident
        assertEquals(Decision.KEEP, watch.decide(12, 9, false));
        assertEquals(Decision.KEEP, watch.decide(0, 0, false));
    }

    @Test
    void anOpenAlertStaysOpenBetweenTheTwoRatesSoItDoesNotFlap() {
        assertEquals(Decision.KEEP, watch.decide(100, 10, true));
        assertEquals(Decision.KEEP, watch.decide(100, 6, true), "6 % is below the opening rate, above the resolving");
        assertEquals(Decision.RESOLVE, watch.decide(200, 9, true), "4.5 %");
        assertEquals(Decision.RESOLVE, watch.decide(8, 4, true), "fewer than half the minimum violations");
        assertEquals(Decision.RESOLVE, watch.decide(0, 0, true), "the event went quiet");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new ViolationRateWatch(0, 0.1, 0.05, 10));
        assertThrows(IllegalArgumentException.class, () -> new ViolationRateWatch(5, 0.1, 0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ViolationRateWatch(5, 1.5, 0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ViolationRateWatch(5, 0.1, 0.05, 0));
    }
}
