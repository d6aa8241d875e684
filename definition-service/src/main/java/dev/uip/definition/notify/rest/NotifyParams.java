package dev.uip.definition.notify.rest;

import java.util.Locale;

import dev.uip.definition.notify.domain.DeliveryStatus;
import dev.uip.definition.notify.domain.InvalidNotifyRequestException;

/** Bounds the notify API's path and query parameters. */
final class NotifyParams {

    static final int MAX_ID = 300;

    private NotifyParams() {
    }

    /** A required id of at most {@link #MAX_ID} characters. */
    static String id(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID) {
            throw new InvalidNotifyRequestException(field, field + " must be 1-" + MAX_ID + " characters");
        }
        return value;
    }

    /** An optional filter: null when absent or blank. */
    static String optional(String field, String value) {
        return value == null || value.isBlank() ? null : id(field, value);
    }

    static int limit(String value, int otherwise, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidNotifyRequestException("limit", "limit must be a whole number from 1 to " + max);
    }

    static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotifyRequestException("status", "status must be PENDING, DELIVERED, DEAD, SUPPRESSED"
                    + " or CANCELLED");
        }
    }
}
