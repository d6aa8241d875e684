package dev.uip.schemas.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.google.re2j.Pattern;

class PropertyPatternsTest {

    @Test
    void catastrophicBacktrackingPatternsFinishAndDoNotOverflowTheStack() {
        // On java.util.regex the first throws StackOverflowError and the second runs for minutes (seen live).
        Pattern alternation = PropertyPatterns.compile("(a|b)*");
        Pattern nested = PropertyPatterns.compile("(.*a){12}");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertTrue(PropertyPatterns.matches(alternation, "ab".repeat(4_000)));
            assertFalse(PropertyPatterns.matches(nested, "a".repeat(40) + "!"));
        });
    }

    @Test
    void aValueLongerThanTheLimitDoesNotMatch() {
        Pattern any = PropertyPatterns.compile(".*");
        assertTrue(PropertyPatterns.matches(any, "x".repeat(PropertyPatterns.MAX_VALUE_LENGTH)));
        assertFalse(PropertyPatterns.matches(any, "x".repeat(PropertyPatterns.MAX_VALUE_LENGTH + 1)));
    }

    @Test
    void everydayPatternsCompileAndMatch() {
        assertTrue(PropertyPatterns.matches(PropertyPatterns.compile("^[A-Z]{3}$"), "EUR"));
        assertTrue(PropertyPatterns.matches(PropertyPatterns.compile("\\d{4}-\\d{2}-\\d{2}"), "2026-11-27"));
        assertTrue(PropertyPatterns.matches(PropertyPatterns.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,24}"),
                "ops@example.com"));
        assertTrue(PropertyPatterns.matches(PropertyPatterns.compile("\\p{L}+"), "Zürich"));
        assertFalse(PropertyPatterns.matches(PropertyPatterns.compile("[a-z]+"), "abc1"));
    }

    @Test
    void unsupportedSyntaxIsRefusedWithTheReason() {
        InvalidPatternException lookahead = assertThrows(InvalidPatternException.class,
                () -> PropertyPatterns.compile("\\d+(?=x)"));
        assertTrue(lookahead.getMessage().contains("look-around"), lookahead.getMessage());
        assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile("(a)\\1"));
        assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile("[a-"));
        assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile(""));
    }

    @Test
    void tooLongOrTooLargePatternsAreRefusedBeforeCompiling() {
        String tooLong = "a".repeat(PropertyPatterns.MAX_PATTERN_LENGTH + 1);
        assertTrue(assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile(tooLong))
                .getMessage().contains("at most " + PropertyPatterns.MAX_PATTERN_LENGTH));
        // RE2/J would try to build a billion instructions for the second one and run out of memory.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile("((a{100}){100}){100}"));
            assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile("((a{1000}){1000}){1000}"));
            assertThrows(InvalidPatternException.class, () -> PropertyPatterns.compile("[a-z]{1000}[0-9]{1001}"));
        });
        assertTrue(PropertyPatterns.matches(PropertyPatterns.compile("[a-z]{1,64}"), "ok"));
    }

    @Test
    void expandedSizeCountsNestedAndSequentialRepetitions() {
        assertEquals(3, RepetitionSize.of("abc"));
        assertEquals(10, RepetitionSize.of("a{10}"));
        assertEquals(20, RepetitionSize.of("(ab){10}"));
        assertEquals(1_000, RepetitionSize.of("(a{10}){100}"));
        assertEquals(65, RepetitionSize.of("x[a-z{}]{1,64}"));
        assertEquals(3, RepetitionSize.of("a{b"));
        assertEquals(1, RepetitionSize.of("\\p{Greek}"));
    }
}
