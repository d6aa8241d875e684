package dev.uip.ingest.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.ingest.domain.PropertyValidator;
import dev.uip.ingest.domain.RegisteredSchema;
import dev.uip.ingest.domain.RegistryUnavailableException;
import dev.uip.ingest.domain.SchemaCatalog;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.Violation;

/** Decides for one raw event whether it is valid (and encodes it) or must be quarantined (and why). */
public class EventValidator {

    /** The outcome: exactly one of the two is set. */
    public record Outcome(ValidatedUsageEvent validated, QuarantinedUsageEvent quarantined) {

        public boolean valid() {
            return validated != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaCatalog catalog;
    private final Clock clock;

    public EventValidator(SchemaCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Outcome validate(RawUsageEvent raw) {
        JsonNode message;
        try {
            message = JSON.readTree(raw.getPayload());
        } catch (JsonProcessingException e) {
            return quarantine(raw, QuarantineReason.MALFORMED_PAYLOAD, null,
                    List.of(violation("$", "INVALID_JSON", "stored payload is not JSON")));
        }
        if (raw.getType() != MessageType.TRACK) {
            // Only track events have definitions; the other Segment calls pass unchecked for now.
            return new Outcome(validated(raw, message, null, null), null);
        }
        Optional<RegisteredSchema> schema;
        try {
            schema = catalog.latest(raw.getWorkspaceId(), raw.getEvent());
        } catch (RegistryUnavailableException e) {
            return quarantine(raw, QuarantineReason.REGISTRY_UNAVAILABLE, null,
                    List.of(violation("event", "REGISTRY_UNAVAILABLE", e.getMessage())));
        }
        if (schema.isEmpty()) {
            return quarantine(raw, QuarantineReason.UNKNOWN_EVENT, null, List.of(violation("event", "UNKNOWN_EVENT",
                    "no definition named '" + raw.getEvent() + "' in workspace " + raw.getWorkspaceId())));
        }
        PropertyValidator.Result result = PropertyValidator.validate(schema.get().schema(), message.get("properties"));
        if (!result.valid()) {
            return quarantine(raw, QuarantineReason.SCHEMA_VIOLATION, schema.get().ref(), result.violations());
        }
        return new Outcome(validated(raw, message, schema.get().ref(), result.record()), null);
    }

    private ValidatedUsageEvent validated(RawUsageEvent raw, JsonNode message, SchemaRef ref, GenericRecord props) {
        JsonNode context = message.get("context");
        return ValidatedUsageEvent.newBuilder()
                .setWorkspaceId(raw.getWorkspaceId())
                .setMessageId(raw.getMessageId())
                .setType(raw.getType())
                .setEvent(raw.getEvent())
                .setUserId(raw.getUserId())
                .setAnonymousId(raw.getAnonymousId())
                .setTimestamp(raw.getTimestamp())
                .setReceivedAt(raw.getReceivedAt())
                .setSchemaRef(ref)
                .setProperties(props == null ? null : encode(props))
                .setContext(context == null || context.isNull() ? null : context.toString())
                .build();
    }

    private Outcome quarantine(RawUsageEvent raw, QuarantineReason reason, SchemaRef ref, List<Violation> violations) {
        return new Outcome(null, QuarantinedUsageEvent.newBuilder()
                .setRaw(raw)
                .setReason(reason)
                .setViolations(violations)
                .setSchemaRef(ref)
                .setQuarantinedAt(clock.instant())
                .build());
    }

    static ByteBuffer encode(GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static Violation violation(String path, String code, String message) {
        return Violation.newBuilder().setPath(path).setCode(code).setMessage(message).build();
    }
}
