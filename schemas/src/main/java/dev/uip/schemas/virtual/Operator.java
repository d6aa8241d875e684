package dev.uip.schemas.virtual;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The comparisons a virtual event rule's condition can make between a message's value and the rule's. */
public enum Operator {

    EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, REGEX, GT, GTE, LT, LTE, EXISTS, IN;

    /** The name in a rule's JSON: lower case, e.g. {@code not_equals}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator named {@code text} (case-insensitive), if any. */
    public static Optional<Operator> of(String text) {
        return Arrays.stream(values()).filter(op -> op.apiName().equalsIgnoreCase(text)).findFirst();
    }

    /** Every operator's name, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Operator::apiName).toList());
    }

    boolean numeric() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    boolean textual() {
        return this == CONTAINS || this == STARTS_WITH || this == REGEX;
    }
}
