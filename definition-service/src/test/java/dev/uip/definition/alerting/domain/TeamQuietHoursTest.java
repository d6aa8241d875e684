package dev.uip.definition.alerting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TeamQuietHoursTest {

    @Test
    void hoursAndZonesAreChecked() {
        assertEquals("startHour", assertThrows(InvalidAlertRequestException.class,
                () -> TeamQuietHours.of("t", 24, 7, "UTC")).field());
        assertEquals("endHour", assertThrows(InvalidAlertRequestException.class,
                () -> TeamQuietHours.of("t", 22, -1, "UTC")).field());
        assertEquals("endHour", assertThrows(InvalidAlertRequestException.class,
                () -> TeamQuietHours.of("t", 7, 7, "UTC")).field());
        assertEquals("timeZone", assertThrows(InvalidAlertRequestException.class,
                () -> TeamQuietHours.of("t", 22, 7, "Mars/Olympus")).field());
        assertEquals("timeZone", assertThrows(InvalidAlertRequestException.class,
                () -> TeamQuietHours.of("t", 22, 7, null)).field());
        assertEquals("+02:00", TeamQuietHours.of("t", 22, 7, "+02:00").timeZone());
    }

    @Test
    void aDaytimeRangeDoesNotWrap() {
        TeamQuietHours lunch = TeamQuietHours.of("t", 12, 14, "UTC");
        assertTrue(lunch.covers(Instant.parse("2026-11-27T12:00:00Z")));
        assertTrue(lunch.covers(Instant.parse("2026-11-27T13:59:59Z")));
        assertFalse(lunch.covers(Instant.parse("2026-11-27T14:00:00Z")));
        assertFalse(lunch.covers(Instant.parse("2026-11-27T11:59:59Z")));
    }
}
