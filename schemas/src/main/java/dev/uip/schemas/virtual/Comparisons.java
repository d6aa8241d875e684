package dev.uip.schemas.virtual;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.schemas.patterns.PropertyPatterns;

/**
 * How each operator compares a message's value with the rule's. Types are never coerced: the string "5" is not the
 * number 5, and a numeric comparison of anything but a JSON number is false. A missing or null value only satisfies
 * {@code not_equals}.
 */
final class Comparisons {

    private Comparisons() {
    }

    static boolean test(Condition.Comparison condition, JsonNode actual) {
        boolean present = actual != null && !actual.isNull() && !actual.isMissingNode();
        return switch (condition.op()) {
            case EXISTS -> present;
            case EQUALS -> present && same(actual, condition.value());
            case NOT_EQUALS -> !present || !same(actual, condition.value());
            case IN -> present && condition.values().stream().anyMatch(value -> same(actual, value));
            case CONTAINS -> present && actual.isTextual() && actual.textValue().contains(condition.value()
                    .textValue());
            case STARTS_WITH -> present && actual.isTextual() && actual.textValue().startsWith(condition.value()
                    .textValue());
            case REGEX -> present && actual.isTextual() && PropertyPatterns.matches(condition.pattern(),
                    actual.textValue());
            case GT -> present && actual.isNumber() && compare(actual, condition.value()) > 0;
            case GTE -> present && actual.isNumber() && compare(actual, condition.value()) >= 0;
            case LT -> present && actual.isNumber() && compare(actual, condition.value()) < 0;
            case LTE -> present && actual.isNumber() && compare(actual, condition.value()) <= 0;
        };
    }

    /** Equality of two JSON scalars of the same kind; numbers by value (1 equals 1.0). */
    private static boolean same(JsonNode actual, JsonNode expected) {
        if (actual.isNumber() && expected.isNumber()) {
            return compare(actual, expected) == 0;
        }
        if (actual.isTextual() && expected.isTextual()) {
            return actual.textValue().equals(expected.textValue());
        }
        return actual.isBoolean() && expected.isBoolean() && actual.booleanValue() == expected.booleanValue();
    }

    private static int compare(JsonNode actual, JsonNode expected) {
        if (actual.canConvertToLong() && actual.isIntegralNumber() && expected.isIntegralNumber()
                && expected.canConvertToLong()) {
            return Long.compare(actual.longValue(), expected.longValue());
        }
        double a = actual.doubleValue();
        double b = expected.doubleValue();
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            // 1e400 reads as an infinite double, which has no decimal value
            return Double.compare(a, b);
        }
        return actual.decimalValue().compareTo(expected.decimalValue());
    }
}
