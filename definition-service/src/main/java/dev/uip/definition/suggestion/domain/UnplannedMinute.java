package dev.uip.definition.suggestion.domain;

import java.time.Instant;

/**
 * The volume of one unplanned event in one closed minute.
 *
 * @param workspaceId the workspace
 * @param event the event name
 * @param minute the start of the minute
 * @param unplanned events accepted without a definition
 * @param quarantined events quarantined as UNKNOWN_EVENT (a workspace with a strict unplanned policy)
 */
public record UnplannedMinute(String workspaceId, String event, Instant minute, long unplanned, long quarantined) {

    /** Both counts together. */
    public long total() {
        return unplanned + quarantined;
    }
}
