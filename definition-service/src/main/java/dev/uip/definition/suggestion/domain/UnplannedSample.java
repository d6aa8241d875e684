package dev.uip.definition.suggestion.domain;

import java.time.Instant;

/**
 * One sample of an unplanned event as it is kept: the raw event's whole payload.
 *
 * @param workspaceId the workspace
 * @param messageId the message id (a redelivered sample is kept once)
 * @param event the event name
 * @param receivedAt when the edge received it
 * @param payload the whole Segment message as JSON
 */
public record UnplannedSample(String workspaceId, String messageId, String event, Instant receivedAt,
        String payload) {
}
