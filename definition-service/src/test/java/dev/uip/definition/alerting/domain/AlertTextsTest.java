package dev.uip.definition.alerting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.uip.definition.domain.AlertSeverity;

class AlertTextsTest {

    static Incident incident(String event, String direction, double observed, Double expected, int windowSeconds) {
        Instant start = Alerts.T0;
        return new Incident("ws", "inc-1", "TRACK", event, "DROP", "seasonal", direction, null, false,
                AlertSeverity.HIGH, AlertSeverity.HIGH, false, IncidentStatus.OPEN, null, 1, "a", "a", observed,
                expected, start, start.plusSeconds(windowSeconds), "[]", start, start, null, null, null, null, null,
                1);
    }

    @Test
    void aDropReadsAsASentence() {
        assertEquals("Checkout Completed dropped 83% below expected (12 vs ~70/min)",
                AlertTexts.openedTitle(incident("Checkout Completed", "LOW", 12, 70.0, 60)));
    }

    @Test
    void otherDirectionsAndWindows() {
        assertEquals("Signup rose 250% above expected (245 vs ~70/5min)",
                AlertTexts.openedTitle(incident("Signup", "HIGH", 245, 70.0, 300)));
        assertEquals("Signup stopped firing (0 vs ~3.5/h)",
                AlertTexts.openedTitle(incident("Signup", "SILENT", 0, 3.5, 3600)));
        assertEquals("Signup is above its threshold (120/min)",
                AlertTexts.openedTitle(incident("Signup", "ABOVE", 120, null, 60)));
        Incident identify = incident("", "LOW", 1, null, 60);
        identify = new Incident("ws", "inc-1", "IDENTIFY", "", "DROP", "count", "LOW", null, false,
                AlertSeverity.LOW, AlertSeverity.LOW, false, IncidentStatus.OPEN, null, 1, "a", "a", 1, null,
                identify.windowStart(), identify.windowEnd(), "[]", identify.openedAt(), identify.openedAt(), null,
                null, null, null, null, 1);
        assertEquals("identify calls dropped below expected (1/min)", AlertTexts.openedTitle(identify));
    }

    @Test
    void titlesAreBoundedWhateverTheName() {
        String title = AlertTexts.openedTitle(incident("E".repeat(5000), "LOW", 1, 2.0, 60));
        assertEquals(AlertTexts.MAX_TITLE, title.length());
        assertTrue(title.endsWith("..."));
    }
}
