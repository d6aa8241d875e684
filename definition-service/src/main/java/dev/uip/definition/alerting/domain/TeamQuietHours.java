package dev.uip.definition.alerting.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * A team's quiet hours: local hours [startHour, endHour) in {@code timeZone}, wrapping midnight (22-07 is the night),
 * in which its non-paging alert notifications are recorded but not delivered.
 */
public record TeamQuietHours(String team, int startHour, int endHour, String timeZone) {

    /** Checks the hours (0-23, not equal) and the zone (a region or offset id Java knows). */
    public static TeamQuietHours of(String team, Integer startHour, Integer endHour, String timeZone) {
        hour("startHour", startHour);
        hour("endHour", endHour);
        if (startHour.equals(endHour)) {
            throw new InvalidAlertRequestException("endHour", "startHour and endHour must differ");
        }
        if (timeZone == null || timeZone.isBlank() || timeZone.length() > 64) {
            throw new InvalidAlertRequestException("timeZone", "timeZone (e.g. Europe/Paris) is required");
        }
        try {
            ZoneId zone = ZoneId.of(timeZone);
            if (!Set.of(zone.getId()).contains(timeZone)) {
                throw new DateTimeException(timeZone);
            }
        } catch (DateTimeException e) {
            throw new InvalidAlertRequestException("timeZone", "unknown time zone; use a region such as"
                    + " Europe/Paris or an offset such as +02:00");
        }
        return new TeamQuietHours(team, startHour, endHour, timeZone);
    }

    public boolean covers(Instant now) {
        int hour = now.atZone(ZoneId.of(timeZone)).getHour();
        return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
    }

    /** As a suppression reason names it: {@code quiet hours 22-07 Europe/Paris}. */
    public String describe() {
        return String.format("quiet hours %02d-%02d %s", startHour, endHour, timeZone);
    }

    private static void hour(String field, Integer value) {
        if (value == null || value < 0 || value > 23) {
            throw new InvalidAlertRequestException(field, field + " must be an hour from 0 to 23");
        }
    }
}
