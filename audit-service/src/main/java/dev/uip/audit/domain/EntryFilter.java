package dev.uip.audit.domain;

import java.time.Instant;

/**
 * Which entries of a workspace a query wants: each non-null field must match exactly ({@code event} is the event name
 * an entry touches), and the change occurred at or after {@code from} and before {@code to}.
 */
public record EntryFilter(String entityType, String entityId, String event, String actor, String action,
        Instant from, Instant to) {

    /** Every entry. */
    public static final EntryFilter ALL = new EntryFilter(null, null, null, null, null, null, null);
}
