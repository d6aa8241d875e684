package dev.uip.definition.quarantine.domain;

import java.util.List;

import org.apache.avro.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.Violation;
import dev.uip.schemas.validation.EnvelopeChecks;
import dev.uip.schemas.validation.PropertyValidator;

/**
 * Decides whether a quarantined event would pass validation now, with the same shared checks and the same order as
 * the validation topology: the envelope of non-track calls, then for track events the definition's status and its
 * current published schema, with its enforcement mode.
 */
public final class ReplayCheck {

    /** What the definition of an event says now; {@code schema} is null while none is published. */
    public record Definition(String status, String enforcement, Schema schema) {
    }

    /** Pass, or the reason and violations why it still fails. */
    public record Verdict(boolean passes, String reason, List<Violation> violations) {

        static Verdict pass() {
            return new Verdict(true, null, List.of());
        }

        static Verdict fail(String reason, List<Violation> violations) {
            return new Verdict(false, reason, violations);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayCheck() {
    }

    /**
     * @param definition the event's definition, or null when there is none
     * @param acceptUnplanned whether the workspace accepts events nobody defined
     */
    public static Verdict check(String callType, String event, String payload, Definition definition,
            boolean acceptUnplanned) {
        JsonNode message;
        try {
            message = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return Verdict.fail("MALFORMED_PAYLOAD", List.of(violation("$", "INVALID_JSON",
                    "stored payload is not JSON")));
        }
        if (message == null || !message.isObject()) {
            return Verdict.fail("INVALID_ENVELOPE", List.of(violation("$", "WRONG_TYPE",
                    "a message must be a JSON object")));
        }
        MessageType type = MessageType.valueOf(callType);
        if (type != MessageType.TRACK) {
            List<Violation> envelope = EnvelopeChecks.check(type, message);
            return envelope.isEmpty() ? Verdict.pass() : Verdict.fail("INVALID_ENVELOPE", envelope);
        }
        if (definition != null && "ARCHIVED".equals(definition.status())) {
            return Verdict.fail("ARCHIVED_EVENT", List.of(violation("event", "ARCHIVED_EVENT",
                    "the definition of '" + event + "' is archived; restore it to accept the event again")));
        }
        if (definition == null || definition.schema() == null || "DRAFT".equals(definition.status())) {
            return acceptUnplanned
                    ? Verdict.pass()
                    : Verdict.fail("UNKNOWN_EVENT", List.of(violation("event", "UNKNOWN_EVENT",
                            "no published definition named '" + event + "'")));
        }
        PropertyValidator.Result result = PropertyValidator.validate(definition.schema(), message.get("properties"));
        // Observe and warn modes accept an event that violates its schema (with a flag).
        if (result.valid() || !"QUARANTINE".equals(definition.enforcement())) {
            return Verdict.pass();
        }
        return Verdict.fail("SCHEMA_VIOLATION", result.violations());
    }

    private static Violation violation(String path, String code, String message) {
        return Violation.newBuilder().setPath(path).setCode(code).setMessage(message).build();
    }
}
