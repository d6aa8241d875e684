package dev.uip.definition.alerting.domain;

import java.time.Instant;

/**
 * A time in which an event's (or, when {@code event} is null, the whole workspace's) alert notifications are recorded
 * but not delivered. Ending one early sets {@code endedAt}; the record stays.
 */
public record MaintenanceWindow(String id, String event, Instant startsAt, Instant endsAt, String reason,
        String createdBy, Instant createdAt, Instant endedAt, String endedBy) {

    /** Whether the window is in force at {@code now} for {@code eventName}. */
    public boolean covers(String eventName, Instant now) {
        return active(now) && (event == null || event.equals(eventName));
    }

    public boolean active(Instant now) {
        return endedAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** Not ended and not over: in force now or later. */
    public boolean current(Instant now) {
        return endedAt == null && now.isBefore(endsAt);
    }
}
