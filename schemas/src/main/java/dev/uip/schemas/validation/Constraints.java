package dev.uip.schemas.validation;

import java.util.List;

import org.apache.avro.JsonProperties;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;

import dev.uip.schemas.Violation;
import dev.uip.schemas.patterns.InvalidPatternException;
import dev.uip.schemas.patterns.PropertyPatterns;

/**
 * The constraints a definition puts on a value, carried as custom properties of the Avro field (or of an array's
 * items schema): {@code uip.allowedValues}, {@code uip.pattern}, {@code uip.minimum}, {@code uip.maximum},
 * {@code uip.maxLength}. Patterns run on RE2/J within the bounds of {@link PropertyPatterns} (linear time, no stack
 * overflow). A pattern it refuses (definitions saved before patterns were checked may hold one) is reported on every
 * value it should check as the violation {@code UNUSABLE_PATTERN}, so that no value passes a check that did not run.
 */
final class Constraints {

    static final String ALLOWED_VALUES = "uip.allowedValues";
    static final String PATTERN = "uip.pattern";
    static final String MINIMUM = "uip.minimum";
    static final String MAXIMUM = "uip.maximum";
    static final String MAX_LENGTH = "uip.maxLength";

    /** Most distinct pattern sources kept compiled (each at most a few KB). */
    static final int MAX_CACHED_PATTERNS = 10_000;

    /** A compiled pattern, or why it cannot be used. */
    private record Compiled(Pattern pattern, String problem) {
    }

    /** Compiled patterns by source: a handful per workspace, used for every event. */
    private static final Cache<String, Compiled> PATTERNS = Caffeine.newBuilder().maximumSize(MAX_CACHED_PATTERNS)
            .build();

    private Constraints() {
    }

    static void check(String path, JsonProperties rules, Object value, List<Violation> violations) {
        if (rules == null) {
            return;
        }
        if (value instanceof CharSequence text) {
            checkText(path, rules, text.toString(), violations);
        } else if (value instanceof Number number && !(rules.getObjectProp(MINIMUM) == null
                && rules.getObjectProp(MAXIMUM) == null)) {
            checkRange(path, rules, number.doubleValue(), violations);
        }
    }

    private static void checkText(String path, JsonProperties rules, String text, List<Violation> violations) {
        if (rules.getObjectProp(ALLOWED_VALUES) instanceof List<?> allowed && !allowed.contains(text)) {
            violations.add(PropertyValidator.violation(path, "NOT_ALLOWED", "'" + abbreviate(text)
                    + "' is not one of the allowed values " + allowed));
        }
        if (rules.getObjectProp(MAX_LENGTH) instanceof Number max && text.length() > max.intValue()) {
            violations.add(PropertyValidator.violation(path, "TOO_LONG", "longer than " + max.intValue()
                    + " characters (" + text.length() + ")"));
        }
        if (rules.getObjectProp(PATTERN) instanceof String source) {
            checkPattern(path, source, text, violations);
        }
    }

    private static void checkRange(String path, JsonProperties rules, double value, List<Violation> violations) {
        if (rules.getObjectProp(MINIMUM) instanceof Number min && value < min.doubleValue()) {
            violations.add(PropertyValidator.violation(path, "BELOW_MINIMUM", value + " is below the minimum "
                    + min));
        }
        if (rules.getObjectProp(MAXIMUM) instanceof Number max && value > max.doubleValue()) {
            violations.add(PropertyValidator.violation(path, "ABOVE_MAXIMUM", value + " is above the maximum "
                    + max));
        }
    }

    private static void checkPattern(String path, String source, String text, List<Violation> violations) {
        Compiled compiled = PATTERNS.get(source, Constraints::compile);
        if (compiled.pattern() == null) {
            violations.add(PropertyValidator.violation(path, "UNUSABLE_PATTERN", "the definition's pattern "
                    + abbreviate(source) + " cannot be checked (" + compiled.problem()
                    + "); publish the definition with a supported pattern"));
        } else if (text.length() > PropertyPatterns.MAX_VALUE_LENGTH) {
            violations.add(PropertyValidator.violation(path, "PATTERN_MISMATCH", "longer than "
                    + PropertyPatterns.MAX_VALUE_LENGTH + " characters, the most a pattern is matched against ("
                    + text.length() + ")"));
        } else if (!PropertyPatterns.matches(compiled.pattern(), text)) {
            violations.add(PropertyValidator.violation(path, "PATTERN_MISMATCH", "'" + abbreviate(text)
                    + "' does not match the pattern " + source));
        }
    }

    private static Compiled compile(String source) {
        try {
            return new Compiled(PropertyPatterns.compile(source), null);
        } catch (InvalidPatternException e) {
            return new Compiled(null, e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
