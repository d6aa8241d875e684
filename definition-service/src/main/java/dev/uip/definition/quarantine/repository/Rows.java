package dev.uip.definition.quarantine.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.uip.definition.quarantine.domain.QuarantineStatus;
import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.schemas.Violation;

/** Reads quarantine rows into domain records and writes violations as the JSON the table holds. */
final class Rows {

    /** The columns {@link #event(Row)} reads. */
    static final String COLUMNS = "workspace_id, message_id, event_name, call_type, reason, violations::text as"
            + " violations, schema_ref::text as schema_ref, quarantined_at, stored_at, write_key_id, user_id,"
            + " anonymous_id, event_timestamp, received_at, flags, payload, status, operation_id, actor,"
            + " status_reason, last_outcome, updated_at";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    static QuarantinedEvent event(Row row) {
        return new QuarantinedEvent(row.getString("workspace_id"), row.getString("message_id"),
                row.getString("event_name"), row.getString("call_type"), row.getString("reason"),
                violations(row.getString("violations")), row.getString("schema_ref"), instant(row, "quarantined_at"),
                instant(row, "stored_at"), new QuarantinedEvent.RawEnvelope(row.getString("write_key_id"),
                        row.getString("user_id"), row.getString("anonymous_id"), instant(row, "event_timestamp"),
                        instant(row, "received_at"), Arrays.asList(row.getArrayOfStrings("flags")),
                        row.getString("payload")),
                QuarantineStatus.valueOf(row.getString("status")), row.getString("operation_id"),
                row.getString("actor"), row.getString("status_reason"), row.getString("last_outcome"),
                instant(row, "updated_at"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static String json(List<Violation> violations) {
        ArrayNode array = JSON.createArrayNode();
        for (Violation violation : violations) {
            array.addObject().put("path", violation.getPath()).put("code", violation.getCode())
                    .put("message", violation.getMessage());
        }
        return array.toString();
    }

    static List<Violation> violations(String json) {
        List<Violation> out = new ArrayList<>();
        try {
            for (JsonNode node : JSON.readTree(json)) {
                out.add(Violation.newBuilder().setPath(node.path("path").asText())
                        .setCode(node.path("code").asText()).setMessage(node.path("message").asText()).build());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored violations are not JSON", e);
        }
        return out;
    }
}
