package dev.uip.definition.alerting.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.uip.definition.alerting.domain.InvalidAlertRequestException;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.rest.QueryParams;
import dev.uip.definition.rest.RequestReader;

/** Reads the inbox's request bodies and parameters, turning any malformed one into a 400 naming the field. */
@ApplicationScoped
class AlertBodies {

    /** Longest id, team or cursor taken from a path or query. */
    static final int MAX_PARAM = 300;

    @Inject
    RequestReader reader;

    <T> T read(String body, Class<T> type, String whenMissing, String fields) {
        try {
            return reader.readStrict(body, type, whenMissing, fields);
        } catch (InvalidDefinitionException e) {
            throw new InvalidAlertRequestException(e.field(), e.getMessage());
        }
    }

    /** An optional body: null when none was sent. */
    <T> T optional(String body, Class<T> type, String fields) {
        return body == null || body.isBlank() ? null : read(body, type, "", fields);
    }

    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > 40) {
            throw new InvalidAlertRequestException(field, field + " must be an ISO-8601 instant");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidAlertRequestException(field, field + " must be an ISO-8601 instant such as"
                    + " 2026-11-28T09:00:00Z");
        }
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_PARAM) {
            throw new InvalidAlertRequestException(field, field + " must be at most " + MAX_PARAM + " characters");
        }
        return value;
    }

    static int integer(String field, String value, int fallback, int min, int max) {
        return QueryParams.integer(field, value, fallback, min, max, InvalidAlertRequestException::new);
    }
}
