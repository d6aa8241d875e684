package dev.uip.definition.alerting.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The status a reader sees: the stored status, or SNOOZED while an unresolved incident's snooze lies ahead. */
public enum ShownStatus {

    OPEN, ACKNOWLEDGED, SNOOZED, RESOLVED;

    /** Snooze expiry is computed here, on read: a snooze that ended shows the stored status again. */
    public static ShownStatus of(IncidentStatus status, Instant snoozedUntil, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            return RESOLVED;
        }
        if (snoozedUntil != null && snoozedUntil.isAfter(now)) {
            return SNOOZED;
        }
        return status == IncidentStatus.ACKNOWLEDGED ? ACKNOWLEDGED : OPEN;
    }

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ShownStatus> parse(String name) {
        return Arrays.stream(values()).filter(value -> value.name().equalsIgnoreCase(name)).findFirst();
    }
}
