package dev.uip.ingest.domain;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.avro.JsonProperties;

import dev.uip.schemas.Violation;

/**
 * The constraints a definition puts on a value, carried as custom properties of the Avro field (or of an array's
 * items schema): {@code uip.allowedValues}, {@code uip.pattern}, {@code uip.minimum}, {@code uip.maximum},
 * {@code uip.maxLength}.
 */
final class Constraints {

    static final String ALLOWED_VALUES = "uip.allowedValues";
    static final String PATTERN = "uip.pattern";
    static final String MINIMUM = "uip.minimum";
    static final String MAXIMUM = "uip.maximum";
    static final String MAX_LENGTH = "uip.maxLength";

    /** Compiled patterns by source: a handful per workspace, used for every event. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

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
            Pattern pattern = compile(source);
            if (pattern != null && !pattern.matcher(text).matches()) {
                violations.add(PropertyValidator.violation(path, "PATTERN_MISMATCH", "'" + abbreviate(text)
                        + "' does not match the pattern " + source));
            }
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

    /** @return null for a pattern that does not compile (definition-service refuses those; nothing to check) */
    private static Pattern compile(String source) {
        return PATTERNS.computeIfAbsent(source, s -> {
            try {
                return Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                return null;
            }
        });
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
