package dev.uip.audit.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import dev.uip.audit.domain.EntryFilter;
import dev.uip.audit.domain.InvalidQueryException;

/** Reads and bounds the query parameters of the audit API; anything it cannot use is a 400 with a code. */
final class QueryParams {

    static final int MAX_TEXT = 512;
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final String CURSOR_PREFIX = "s:";

    private QueryParams() {
    }

    static int limit(String limit, int defaultLimit, int maxLimit) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        String digits = limit.trim();
        // ASCII digits only (Integer.parseInt also takes other scripts' digits), at most 9 so that it fits an int.
        if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(digits);
            if (value >= 1 && value <= maxLimit) {
                return value;
            }
        }
        throw new InvalidQueryException("INVALID_LIMIT", "limit must be a number from 1 to " + maxLimit);
    }

    static EntryFilter filter(String entityType, String entityId, String event, String actor, String action,
            String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQueryException("INVALID_RANGE", "from must be before to");
        }
        return new EntryFilter(text("entityType", entityType), text("entityId", entityId), text("event", event),
                text("actor", actor), text("action", action), start, end);
    }

    /** An exact-match filter value: empty means none; at most 512 characters, no control characters. */
    static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidQueryException("INVALID_FILTER", name + " must be at most " + MAX_TEXT
                    + " characters without control characters");
        }
        return value;
    }

    /** An ISO-8601 instant (e.g. 2026-11-23T12:00:00Z) from 1970 to 9999; empty means none. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant parsed = value.length() <= 64 ? Instant.parse(value.trim()) : null;
            if (parsed != null && !parsed.isBefore(EARLIEST) && !parsed.isAfter(LATEST)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidQueryException("INVALID_TIME", name + " must be an ISO-8601 instant such as "
                + "2026-11-23T12:00:00Z, from 1970 to 9999");
    }

    /** The sequence a page cursor stands for; none means the newest page. */
    static Long cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = cursor.length() <= 64
                    ? new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    : "";
            String digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.substring(CURSOR_PREFIX.length()) : "";
            if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(digits);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidQueryException("INVALID_CURSOR", "cursor must be a nextCursor this API answered");
    }

    /** The opaque cursor of the page after the entry at {@code sequence}. */
    static String cursorAfter(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + sequence)
                .getBytes(StandardCharsets.UTF_8));
    }
}
