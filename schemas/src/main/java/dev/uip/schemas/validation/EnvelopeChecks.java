package dev.uip.schemas.validation;

import static dev.uip.schemas.validation.PropertyValidator.violation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.Violation;

/**
 * What the Segment spec requires of each call type's envelope, beyond what the edge refuses outright: the ids a call
 * needs (a group's groupId, an alias's previousId and userId), objects where objects belong (traits, properties,
 * context, integrations), strings where names belong, and bounded sizes.
 */
public final class EnvelopeChecks {

    /** Longest id (userId, anonymousId, groupId, previousId) accepted. */
    public static final int MAX_ID_LENGTH = 1024;
    /** Longest page or screen name and category accepted. */
    public static final int MAX_NAME_LENGTH = 1024;

    private EnvelopeChecks() {
    }

    /** The envelope's violations for a call of {@code type}; empty when it is well formed. */
    public static List<Violation> check(MessageType type, JsonNode message) {
        List<Violation> violations = new ArrayList<>(0);
        object(message, "context", violations);
        object(message, "integrations", violations);
        id(message, "userId", false, violations);
        id(message, "anonymousId", false, violations);
        switch (type) {
            case IDENTIFY -> object(message, "traits", violations);
            case GROUP -> {
                id(message, "groupId", true, violations);
                object(message, "traits", violations);
            }
            case ALIAS -> {
                id(message, "previousId", true, violations);
                id(message, "userId", true, violations);
            }
            case PAGE, SCREEN -> {
                name(message, "name", violations);
                name(message, "category", violations);
                object(message, "properties", violations);
            }
            case TRACK -> {
                // checked against its definition's schema
            }
        }
        return violations;
    }

    private static void object(JsonNode message, String field, List<Violation> out) {
        JsonNode node = message.get(field);
        if (node != null && !node.isNull() && !node.isObject()) {
            out.add(violation(field, "WRONG_TYPE", "'" + field + "' must be an object"));
        }
    }

    private static void id(JsonNode message, String field, boolean required, List<Violation> out) {
        JsonNode node = message.get(field);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                out.add(violation(field, "MISSING_REQUIRED", "this call needs a non-empty '" + field + "'"));
            }
        } else if (!node.isTextual() && !node.isNumber()) {
            out.add(violation(field, "WRONG_TYPE", "'" + field + "' must be a string or a number"));
        } else if (node.asText().length() > MAX_ID_LENGTH) {
            out.add(violation(field, "TOO_LONG", "'" + field + "' is longer than " + MAX_ID_LENGTH + " characters"));
        }
    }

    private static void name(JsonNode message, String field, List<Violation> out) {
        JsonNode node = message.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isTextual()) {
            out.add(violation(field, "WRONG_TYPE", "'" + field + "' must be a string"));
        } else if (node.asText().length() > MAX_NAME_LENGTH) {
            out.add(violation(field, "TOO_LONG", "'" + field + "' is longer than " + MAX_NAME_LENGTH + " characters"));
        }
    }
}
