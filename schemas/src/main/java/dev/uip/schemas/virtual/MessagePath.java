package dev.uip.schemas.virtual;

import java.util.List;
import java.util.Set;

/**
 * A path into a Segment message that a rule's condition reads, e.g. {@code properties.url} or
 * {@code context.app.version}: a root field, then object keys separated by dots.
 */
public record MessagePath(String text, List<String> segments) {

    /** Longest path accepted, in characters. */
    public static final int MAX_LENGTH = 200;
    /** Most segments (root included). */
    public static final int MAX_SEGMENTS = 10;
    /** Root fields whose children can be read. */
    static final Set<String> OBJECT_ROOTS = Set.of("properties", "context", "traits");
    /** Root fields that are values themselves ({@code type} and {@code event} come from the stored envelope). */
    static final Set<String> VALUE_ROOTS = Set.of("type", "event", "name", "userId", "anonymousId", "groupId",
            "previousId");

    /**
     * Parses a path.
     *
     * @param where the rule path of the field holding it, for errors
     */
    static MessagePath parse(String text, String where) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid(where, "path is required, at most " + MAX_LENGTH + " characters");
        }
        List<String> segments = List.of(text.split("\\.", -1));
        if (segments.size() > MAX_SEGMENTS || segments.stream().anyMatch(String::isEmpty)) {
            throw invalid(where, "a path is at most " + MAX_SEGMENTS + " non-empty names separated by dots");
        }
        String root = segments.get(0);
        if (OBJECT_ROOTS.contains(root)
                ? segments.size() < 2
                : !(VALUE_ROOTS.contains(root)
                        && segments.size() == 1)) {
            throw invalid(where, "a path starts with properties., context. or traits. followed by a name, or is one"
                    + " of " + String.join(", ", VALUE_ROOTS.stream().sorted().toList()) + "; was '" + text + "'");
        }
        return new MessagePath(text, segments);
    }

    private static InvalidVirtualRuleException invalid(String where, String message) {
        return new InvalidVirtualRuleException(where, "INVALID_PATH", message);
    }
}
