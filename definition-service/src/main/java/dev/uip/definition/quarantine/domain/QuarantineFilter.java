package dev.uip.definition.quarantine.domain;

import java.time.Instant;
import java.util.List;

/**
 * Which quarantined events a list, summary, preview, release or discard is about; null fields do not filter.
 * {@code messageIds}, when given, selects those events only (the other fields still apply).
 */
public record QuarantineFilter(String event, String reason, String path, Instant from, Instant to,
        QuarantineStatus status, List<String> messageIds) {

    /** The same filter for another status. */
    public QuarantineFilter withStatus(QuarantineStatus newStatus) {
        return new QuarantineFilter(event, reason, path, from, to, newStatus, messageIds);
    }
}
