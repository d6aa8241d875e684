package dev.uip.definition.rest;

import dev.uip.definition.domain.InvalidDefinitionException;

/** Parses query parameters so that a bad value is a 400 naming the parameter, not JAX-RS's 404. */
public final class QueryParams {

    /** Makes the caller API's 400 for a bad parameter from its name and a message. */
    public interface Invalid {

        RuntimeException of(String name, String message);
    }

    static final int MAX_TEXT = 200;

    private QueryParams() {
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        return integer(name, value, fallback, min, max, InvalidDefinitionException::new);
    }

    /** A whole number from {@code min} to {@code max}, {@code fallback} when absent; else {@code invalid}'s error. */
    public static int integer(String name, String value, int fallback, int min, int max, Invalid invalid) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid.of(name, name + " must be a whole number from " + min + " to " + max);
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new InvalidDefinitionException(name, name + " must be true or false");
    }

    static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(name, e.getMessage());
        }
    }

    /** A free-text filter: at most {@value #MAX_TEXT} characters, no control characters; blank means none. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidDefinitionException(name, name + " is at most " + MAX_TEXT
                    + " characters without control characters");
        }
        return text;
    }
}
