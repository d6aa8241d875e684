package dev.uip.definition.quarantine.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import dev.uip.definition.quarantine.domain.InvalidQuarantineRequestException;
import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.definition.rest.QueryParams;
import dev.uip.schemas.QuarantineReason;

/** Checks and bounds every filter value a client sends, from the query string or a body, before it is used. */
final class QuarantineParams {

    static final int MAX_TEXT = 200;

    private QuarantineParams() {
    }

    static QuarantineFilter filter(String event, String reason, String path, String from, String to, String status,
            List<String> messageIds) {
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQuarantineRequestException("to", "to must be after from");
        }
        return new QuarantineFilter(text("event", event), reason("reason", reason), text("path", path), start, end,
                status(status), messageIds);
    }

    /** A free-text value: at most {@value #MAX_TEXT} characters, no control characters; blank means none. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidQuarantineRequestException(name, name + " is at most " + MAX_TEXT
                    + " characters without control characters");
        }
        return value;
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        return QueryParams.integer(name, value, fallback, min, max, InvalidQuarantineRequestException::new);
    }

    private static String reason(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return QuarantineReason.valueOf(value.strip().toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidQuarantineRequestException(name, name + " must be one of "
                    + Arrays.toString(QuarantineReason.values()));
        }
    }

    private static QuarantineStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return QuarantineStatus.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidQuarantineRequestException("status", "status must be one of "
                    + Arrays.toString(QuarantineStatus.values()));
        }
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 40) {
            throw new InvalidQuarantineRequestException(name, name + " must be an ISO-8601 instant, e.g."
                    + " 2026-11-27T10:00:00Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQuarantineRequestException(name, name + " must be an ISO-8601 instant, e.g."
                    + " 2026-11-27T10:00:00Z");
        }
    }
}
