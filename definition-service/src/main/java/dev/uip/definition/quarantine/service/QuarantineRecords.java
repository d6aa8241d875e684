package dev.uip.definition.quarantine.service;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.SchemaRef;

/** Turns a quarantined record from Kafka into the row it is stored as. */
final class QuarantineRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QuarantineRecords() {
    }

    static QuarantinedEvent row(QuarantinedUsageEvent record) {
        RawUsageEvent raw = record.getRaw();
        return new QuarantinedEvent(raw.getWorkspaceId(), raw.getMessageId(), raw.getEvent(), raw.getType().name(),
                record.getReason().name(), List.copyOf(record.getViolations()), schemaRef(record.getSchemaRef()),
                record.getQuarantinedAt(), null, new QuarantinedEvent.RawEnvelope(raw.getWriteKeyId(),
                        raw.getUserId(), raw.getAnonymousId(), raw.getTimestamp(), raw.getReceivedAt(),
                        List.copyOf(raw.getFlags()), raw.getPayload()),
                QuarantineStatus.QUARANTINED, null, null, null, null, null);
    }

    private static String schemaRef(SchemaRef ref) {
        if (ref == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode().put("groupId", ref.getGroupId())
                .put("artifactId", ref.getArtifactId()).put("version", ref.getVersion())
                .put("globalId", ref.getGlobalId());
        return node.toString();
    }
}
