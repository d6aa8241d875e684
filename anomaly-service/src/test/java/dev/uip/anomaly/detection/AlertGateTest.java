package dev.uip.anomaly.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.detection.AlertGate.Transition;

class AlertGateTest {

    @Test
    void opensOnceAndResolvesOnlyAfterEnoughNormalBuckets() {
        AlertGate gate = new AlertGate(3);
        assertEquals(Transition.OPENED, gate.step(Verdict.LOW));
        assertEquals(Transition.NONE, gate.step(Verdict.LOW));
        assertEquals(Transition.NONE, gate.step(Verdict.NORMAL));
        assertEquals(Transition.NONE, gate.step(Verdict.NORMAL));
        // flapping back to abnormal before the third normal bucket neither resolves nor reopens
        assertEquals(Transition.NONE, gate.step(Verdict.HIGH));
        assertEquals(Transition.NONE, gate.step(Verdict.NORMAL));
        assertEquals(Transition.NONE, gate.step(Verdict.NORMAL));
        assertEquals(Transition.RESOLVED, gate.step(Verdict.NORMAL));
        assertFalse(gate.isOpen());
        assertEquals(Transition.OPENED, gate.step(Verdict.SILENT));
    }

    @Test
    void alternatingVerdictsGiveOneAlert() {
        AlertGate gate = new AlertGate(2);
        int opened = 0;
        for (int i = 0; i < 100; i++) {
            if (gate.step(i % 2 == 0 ? Verdict.HIGH : Verdict.NORMAL) == Transition.OPENED) {
                opened++;
            }
        }
        assertEquals(1, opened);
    }
}
