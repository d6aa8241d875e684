package dev.uip.definition.domain.inference;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** The kind of one non-null JSON value, as the ingest validator would accept it. */
enum ValueKind {

    INTEGER(Family.NUMERIC), NUMBER(Family.NUMERIC), STRING(Family.TEXT), DATETIME(Family.TEXT), BOOLEAN(
            Family.BOOLEAN), ARRAY(Family.ARRAY), OBJECT(Family.OBJECT);

    /** Kinds within one family widen into each other; kinds of different families conflict. */
    enum Family {
        NUMERIC, TEXT, BOOLEAN, ARRAY, OBJECT
    }

    private final Family family;

    ValueKind(Family family) {
        this.family = family;
    }

    Family family() {
        return family;
    }

    /** Classifies a non-null value; integers beyond a long are numbers, as for the ingest validator. */
    static ValueKind of(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? INTEGER : NUMBER;
        }
        if (value.isNumber()) {
            return NUMBER;
        }
        if (value.isBoolean()) {
            return BOOLEAN;
        }
        if (value.isArray()) {
            return ARRAY;
        }
        if (value.isObject()) {
            return OBJECT;
        }
        return isDateTime(value.asText()) ? DATETIME : STRING;
    }

    /** An ISO-8601 date-time with an offset or Z, e.g. 2024-05-01T10:00:00Z; a date alone is not one. */
    static boolean isDateTime(String text) {
        if (text.length() < 16 || text.charAt(4) != '-' || text.indexOf('T') != 10) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException ignored) {
                return false;
            }
        }
    }
}
