package dev.uip.definition.alerting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.AlertSeverity;

class PagingPolicyTest {

    final PagingPolicy keyEventsOnly = new PagingPolicy(AlertSeverity.HIGH, true);

    @Test
    void criticalityCountsOnlyForKeyEvents() {
        assertEquals(AlertSeverity.CRITICAL, keyEventsOnly.severity(AlertSeverity.LOW, true, AlertSeverity.CRITICAL));
        assertEquals(AlertSeverity.LOW, keyEventsOnly.severity(AlertSeverity.LOW, false, AlertSeverity.CRITICAL));
        // The detector's severity is never lowered by a lower criticality.
        assertEquals(AlertSeverity.HIGH, keyEventsOnly.severity(AlertSeverity.HIGH, true, AlertSeverity.LOW));
        assertEquals(AlertSeverity.MEDIUM, keyEventsOnly.severity(AlertSeverity.MEDIUM, true, null));
    }

    @Test
    void aKeyEventPagesFromTheThresholdUp() {
        assertFalse(keyEventsOnly.page(true, AlertSeverity.MEDIUM));
        assertTrue(keyEventsOnly.page(true, AlertSeverity.HIGH));
        assertTrue(keyEventsOnly.page(true, AlertSeverity.CRITICAL));
        assertFalse(keyEventsOnly.page(false, AlertSeverity.CRITICAL));
    }

    @Test
    void thresholdsAreConfigurable() {
        PagingPolicy any = new PagingPolicy(AlertSeverity.CRITICAL, false);
        assertTrue(any.page(false, AlertSeverity.CRITICAL));
        assertFalse(any.page(true, AlertSeverity.HIGH));
    }
}
