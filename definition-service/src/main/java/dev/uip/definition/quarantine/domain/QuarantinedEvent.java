package dev.uip.definition.quarantine.domain;

import java.time.Instant;
import java.util.List;

import dev.uip.schemas.Violation;

/** One stored quarantined event: the raw event as the edge stored it, why it was quarantined and where it stands. */
public record QuarantinedEvent(String workspaceId, String messageId, String event, String callType, String reason,
        List<Violation> violations, String schemaRefJson, Instant quarantinedAt, Instant storedAt, RawEnvelope raw,
        QuarantineStatus status, String operationId, String actor, String statusReason, String lastOutcome,
        Instant updatedAt) {

    /** The raw event's fields besides its workspace, id, type and name. */
    public record RawEnvelope(String writeKeyId, String userId, String anonymousId, Instant timestamp,
            Instant receivedAt, List<String> flags, String payload) {
    }
}
