package dev.uip.schemas.patterns;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper estimate of a pattern's size once its counted repetitions are expanded: every atom counts one, a group
 * counts its contents, and {@code x{n,m}} counts x's size times m (n + 1 for {@code {n,}}). It reads only the
 * structure that matters for size (escapes, character classes, groups, braces); syntax errors are left to the
 * compiler. Stops counting as soon as the size passes {@link #LIMIT}.
 */
final class RepetitionSize {

    /** Beyond this the exact size no longer matters. */
    static final long LIMIT = 1_000_000;

    private RepetitionSize() {
    }

    static long of(String source) {
        Deque<long[]> groups = new ArrayDeque<>();
        long[] current = {0};
        long lastAtom = 0;
        int i = 0;
        int n = source.length();
        while (i < n && current[0] <= LIMIT) {
            char c = source.charAt(i);
            switch (c) {
                case '\\' -> {
                    i = skipEscape(source, i);
                    lastAtom = 1;
                    current[0] += 1;
                }
                case '[' -> {
                    i = skipClass(source, i);
                    lastAtom = 1;
                    current[0] += 1;
                }
                case '(' -> {
                    groups.push(current);
                    current = new long[]{0};
                    lastAtom = 0;
                    i++;
                }
                case ')' -> {
                    long inner = current[0];
                    current = groups.isEmpty() ? new long[]{0} : groups.pop();
                    current[0] += inner;
                    lastAtom = inner;
                    i++;
                }
                case '{' -> {
                    int close = source.indexOf('}', i);
                    long count = close < 0 ? -1 : repeatCount(source.substring(i + 1, close));
                    if (count < 0) { // not a repetition: a literal brace
                        lastAtom = 1;
                        current[0] += 1;
                        i++;
                    } else {
                        // The atom already counted once; its other (count - 1) copies join the enclosing size.
                        current[0] += lastAtom * Math.max(0, count - 1);
                        lastAtom = Math.min(LIMIT + 1, lastAtom * Math.max(1, count));
                        i = close + 1;
                    }
                }
                case '|', '*', '+', '?', '^', '$' -> i++;
                default -> {
                    lastAtom = 1;
                    current[0] += 1;
                    i++;
                }
            }
        }
        long total = current[0];
        while (!groups.isEmpty()) {
            total += groups.pop()[0];
        }
        return total;
    }

    /** The largest count of {@code n}, {@code n,} or {@code n,m}; -1 when the text is not a repetition. */
    private static long repeatCount(String inside) {
        int comma = inside.indexOf(',');
        String low = comma < 0 ? inside : inside.substring(0, comma);
        String high = comma < 0 ? inside : inside.substring(comma + 1);
        if (!digits(low) || (!high.isEmpty() && !digits(high))) {
            return -1;
        }
        long min = parse(low);
        return high.isEmpty() ? min + 1 : Math.max(min, parse(high));
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static long parse(String text) {
        return Long.parseLong(text);
    }

    /** Index after an escape, including {@code \p{...}} and {@code \x{...}}. */
    private static int skipEscape(String source, int at) {
        int i = at + 2;
        if (i <= source.length() && at + 1 < source.length()) {
            char kind = source.charAt(at + 1);
            if ((kind == 'p' || kind == 'P' || kind == 'x') && i < source.length() && source.charAt(i) == '{') {
                int close = source.indexOf('}', i);
                return close < 0 ? source.length() : close + 1;
            }
        }
        return Math.min(i, source.length());
    }

    /** Index after a character class, whose {@code ]} right after {@code [} or {@code [^} is a literal. */
    private static int skipClass(String source, int at) {
        int i = at + 1;
        if (i < source.length() && source.charAt(i) == '^') {
            i++;
        }
        if (i < source.length() && source.charAt(i) == ']') {
            i++;
        }
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && i + 1 < source.length() && source.charAt(i + 1) == ':') {
                int close = source.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return source.length();
    }
}
