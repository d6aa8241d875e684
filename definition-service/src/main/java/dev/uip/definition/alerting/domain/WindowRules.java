package dev.uip.definition.alerting.domain;

import java.time.Duration;
import java.time.Instant;

/** Bounds of a maintenance window: ends after it starts and after now, lasts at most maxDays, starts within leadDays. */
public final class WindowRules {

    /** Longest reason. */
    public static final int MAX_REASON = 500;

    /** Longest event name (as definitions bound theirs). */
    public static final int MAX_EVENT = 200;

    private WindowRules() {
    }

    public static void check(String event, Instant startsAt, Instant endsAt, String reason, Instant now, int maxDays,
            int leadDays) {
        if (event != null && (event.isBlank() || event.length() > MAX_EVENT)) {
            throw new InvalidAlertRequestException("event", "event is an event name of 1-" + MAX_EVENT
                    + " characters, or null for the whole workspace");
        }
        if (startsAt == null) {
            throw new InvalidAlertRequestException("startsAt", "startsAt (an ISO-8601 instant) is required");
        }
        if (endsAt == null) {
            throw new InvalidAlertRequestException("endsAt", "endsAt (an ISO-8601 instant) is required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidAlertRequestException("endsAt", "endsAt must come after startsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw new InvalidAlertRequestException("endsAt", "endsAt must lie in the future");
        }
        if (Duration.between(startsAt, endsAt).compareTo(Duration.ofDays(maxDays)) > 0) {
            throw new InvalidAlertRequestException("endsAt", "a maintenance window lasts at most " + maxDays
                    + " days");
        }
        if (startsAt.isAfter(now.plus(Duration.ofDays(leadDays)))) {
            throw new InvalidAlertRequestException("startsAt", "a maintenance window starts at most " + leadDays
                    + " days ahead");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidAlertRequestException("reason", "reason must be at most " + MAX_REASON + " characters");
        }
    }
}
