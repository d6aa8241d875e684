package dev.uip.schemas.patterns;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The one way a tenant's property pattern is compiled and matched, by definition-service when a definition is saved
 * and by validation for every event. Patterns run on RE2/J, whose matching time grows linearly with the value (no
 * backtracking: {@code (a|b)*} or {@code (.*a){12}} cannot run away or overflow the stack), and three bounds keep
 * one tenant's pattern from costing everyone: the pattern's length, its size once counted repetitions are expanded
 * (RE2/J's program, and so its memory and its time per character, grows with {@code ((a{100}){100}){100}}), and the
 * length of a value it is matched against. RE2 syntax has no look-around and no back-references; those are refused
 * with the reason.
 */
public final class PropertyPatterns {

    /** Longest pattern source accepted, in characters. */
    public static final int MAX_PATTERN_LENGTH = 500;
    /** Largest pattern once counted repetitions are expanded (roughly RE2's instruction count). */
    public static final int MAX_EXPANDED_SIZE = 2_000;
    /** Longest value matched against a pattern, in characters; a longer value fails the pattern. */
    public static final int MAX_VALUE_LENGTH = 8_192;

    private PropertyPatterns() {
    }

    /**
     * Compiles a tenant's pattern within the bounds.
     *
     * @throws InvalidPatternException with a message fit for the tenant when the pattern is too long, too large once
     *         expanded, or not valid RE2 syntax
     */
    public static Pattern compile(String source) {
        if (source == null || source.isEmpty()) {
            throw new InvalidPatternException("a pattern must not be empty");
        }
        if (source.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidPatternException("a pattern is at most " + MAX_PATTERN_LENGTH + " characters, this one "
                    + source.length());
        }
        long size = RepetitionSize.of(source);
        if (size > MAX_EXPANDED_SIZE) {
            throw new InvalidPatternException("the pattern is too large once its counted repetitions are expanded"
                    + " (more than " + MAX_EXPANDED_SIZE + " elements); use fewer or smaller {n,m} repetitions");
        }
        try {
            return Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new InvalidPatternException("not a supported pattern (RE2 syntax, no look-around and no"
                    + " back-references): " + e.getDescription());
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidPatternException("not a supported pattern: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Whether the whole value matches; a value longer than {@link #MAX_VALUE_LENGTH} does not.
     */
    public static boolean matches(Pattern pattern, CharSequence value) {
        return value.length() <= MAX_VALUE_LENGTH && pattern.matcher(value).matches();
    }
}
