package dev.uip.definition.domain.inference;

import java.util.List;
import java.util.Map;

/**
 * The submitted messages that were not inferred from.
 *
 * @param count how many, in all
 * @param byType non-track messages by Segment type, e.g. {@code {"identify": 2}}
 * @param messages every other skipped message with its 0-based index and the reason
 */
public record SkippedMessages(int count, Map<String, Integer> byType, List<Skip> messages) {

    /** One message skipped for a reason other than its type. */
    public record Skip(int sample, String reason) {
    }
}
