package dev.uip.ingest.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.uip.ingest.domain.DefinitionCatalog;
import dev.uip.ingest.domain.RegisteredSchema;
import dev.uip.ingest.domain.RegistryUnavailableException;
import dev.uip.ingest.domain.SchemaCatalog;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.Violation;
import dev.uip.schemas.names.DefinitionKeys;
import dev.uip.schemas.validation.EnvelopeChecks;
import dev.uip.schemas.validation.PropertyValidator;

/** Decides for one raw event whether it is valid (and encodes it) or must be quarantined (and why). */
public class EventValidator {

    /**
     * The outcome: exactly one of validated, quarantined, duplicate and sample is set.
     *
     * @param message the valid event's JSON as parsed for validation (null when not at hand), so that virtual event
     *        rules need not parse it again
     * @param duplicate a copy of a message seen within the dedup window, with its payload left out: only counted
     * @param sample an unplanned event kept whole as a sample of its traffic (in addition to its own outcome)
     */
    public record Outcome(ValidatedUsageEvent validated, QuarantinedUsageEvent quarantined, JsonNode message,
            RawUsageEvent duplicate, RawUsageEvent sample) {

        public Outcome(ValidatedUsageEvent validated, QuarantinedUsageEvent quarantined) {
            this(validated, quarantined, null, null, null);
        }

        public Outcome(ValidatedUsageEvent validated, QuarantinedUsageEvent quarantined, JsonNode message) {
            this(validated, quarantined, message, null, null);
        }

        /**
         * The outcome of a dropped copy: what the stats need of it. The payload is cleared in place ({@code raw} is
         * the caller's own decoded record, not used again): a builder copy would go through Avro's shared model,
         * which in Quarkus tests resolves the generated enums through another class loader.
         */
        public static Outcome duplicate(RawUsageEvent raw) {
            raw.setPayload("");
            return new Outcome(null, null, null, raw, null);
        }

        /** A sample of an unplanned event's traffic, for suggestions. */
        public static Outcome sample(RawUsageEvent raw) {
            return new Outcome(null, null, null, null, raw);
        }

        public boolean isSample() {
            return sample != null;
        }

        /**
         * Whether this is the outcome of a track event that no published definition names (pages, screens and
         * identify calls without one are flagged too, but are not track events: their samples are not kept).
         */
        public boolean unplanned() {
            return validated != null && validated.getType() == MessageType.TRACK
                    && validated.getFlags().contains(UNPLANNED_EVENT)
                    || quarantined != null && quarantined.getReason() == QuarantineReason.UNKNOWN_EVENT;
        }

        public boolean valid() {
            return validated != null;
        }

        public boolean isDuplicate() {
            return duplicate != null;
        }
    }

    /**
     * Flag of a track event with no definition, accepted by its workspace's policy; and of a page, screen or identify
     * call with no published definition, which always passes (the workspace's policy is about track events).
     */
    public static final String UNPLANNED_EVENT = "UNPLANNED_EVENT";
    /** Flag of an event accepted although it violates its schema (observe or warn mode). */
    public static final String SCHEMA_VIOLATION = "SCHEMA_VIOLATION";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Most property schemas whose writers are kept. */
    static final int MAX_WRITERS = 10_000;
    /** Longest page or screen name carried on; longer ones are cut (they name a trend series). */
    static final int MAX_PAGE_NAME = DefinedCall.MAX_PAGE_NAME;

    /** Writers per property schema: the catalog hands out the same few schemas again and again. */
    private final Map<Schema, GenericDatumWriter<GenericRecord>> writers = Caffeine.newBuilder()
            .maximumSize(MAX_WRITERS).<Schema, GenericDatumWriter<GenericRecord>>build().asMap();
    private final SchemaCatalog schemas;
    private final DefinitionCatalog definitions;
    private final Clock clock;

    public EventValidator(SchemaCatalog schemas, DefinitionCatalog definitions, Clock clock) {
        this.schemas = schemas;
        this.definitions = definitions;
        this.clock = clock;
    }

    /**
     * {@link #validate}, with anything it throws turned into a VALIDATION_ERROR quarantine: a thrown error would stop
     * the stream thread, and the same event would stop its replacement again.
     */
    public Outcome validateOrQuarantine(RawUsageEvent raw) {
        try {
            return validate(raw);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(raw, e);
        }
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
            // The other calls are first checked against what their type needs.
            List<Violation> envelope = message.isObject()
                    ? EnvelopeChecks.check(raw.getType(), message)
                    : List.of(violation("$", "WRONG_TYPE", "a message must be a JSON object"));
            if (!envelope.isEmpty()) {
                return quarantine(raw, QuarantineReason.INVALID_ENVELOPE, null, envelope);
            }
        }
        DefinedCall call = DefinedCall.of(raw, message);
        if (call == null) {
            // group and alias calls have no definitions
            return accept(raw, message, message.get("properties"), null, null, List.of(), List.of());
        }
        Optional<EventDefinitionState> definition = call.name() == null
                ? Optional.empty()
                : definitions.definition(raw.getWorkspaceId(), call.callType(), call.name());
        if (!call.track() && definition.isEmpty()) {
            // no registry lookup: a page, screen or identify call is only checked against a definition it has
            return unplanned(raw, message, call);
        }
        if (definition.isPresent() && definition.get().getStatus() == DefinitionStatus.ARCHIVED) {
            return quarantine(raw, QuarantineReason.ARCHIVED_EVENT, definition.get().getSchemaRef(),
                    List.of(violation(call.namePath(), "ARCHIVED_EVENT", "the definition of " + call.describe()
                            + " is archived; restore it to accept the " + (call.track() ? "event" : "call")
                            + " again")));
        }
        Optional<RegisteredSchema> schema;
        try {
            // A draft has no schema yet: the event is unplanned until the definition is published.
            schema = definition.isPresent() && definition.get().getStatus() == DefinitionStatus.DRAFT
                    ? Optional.empty()
                    : published(raw.getWorkspaceId(), call, definition);
        } catch (RegistryUnavailableException e) {
            return quarantine(raw, QuarantineReason.REGISTRY_UNAVAILABLE, null,
                    List.of(violation(call.namePath(), "REGISTRY_UNAVAILABLE", e.getMessage())));
        }
        if (schema.isEmpty()) {
            return unplanned(raw, message, call);
        }
        JsonNode checked = call.checked(message, schema.get().schema());
        PropertyValidator.Result result = PropertyValidator.validate(schema.get().schema(), checked, call.root());
        if (result.valid()) {
            return accept(raw, message, checked, schema.get().ref(), result.record(), List.of(), List.of());
        }
        // Definitions published before enforcement modes existed quarantine, the strictest mode.
        EnforcementMode mode = definition.map(EventDefinitionState::getEnforcement).orElse(EnforcementMode.QUARANTINE);
        return switch (mode) {
            case QUARANTINE -> quarantine(raw, QuarantineReason.SCHEMA_VIOLATION, schema.get().ref(),
                    result.violations());
            // an invalid call's JSON is kept as sent, standard page properties included
            case WARN -> accept(raw, message, message.get(call.root()), schema.get().ref(), null,
                    List.of(SCHEMA_VIOLATION), result.violations());
            case OBSERVE -> accept(raw, message, message.get(call.root()), schema.get().ref(), null,
                    List.of(SCHEMA_VIOLATION), List.of());
        };
    }

    /**
     * The version the definition published, when its state names one; else the registry's latest version in the
     * call type's group (see {@link DefinitionKeys#registryGroup}).
     */
    private Optional<RegisteredSchema> published(String workspaceId, DefinedCall call,
            Optional<EventDefinitionState> definition) {
        SchemaRef ref = definition.map(EventDefinitionState::getSchemaRef).orElse(null);
        Optional<RegisteredSchema> exact = ref == null ? Optional.empty() : schemas.exact(ref);
        return exact.isPresent()
                ? exact
                : schemas.latest(DefinitionKeys.registryGroup(workspaceId, call.callType()), call.name());
    }

    /**
     * A raw record that could not even be decoded: kept whole (base64 in the payload) in quarantine as
     * MALFORMED_PAYLOAD, attributed to the workspace its key names.
     */
    public Outcome undecodable(String key, byte[] bytes, Exception problem) {
        Instant now = clock.instant();
        String workspace = key == null || key.indexOf('/') <= 0 ? "unknown" : key.substring(0, key.indexOf('/'));
        RawUsageEvent raw = RawUsageEvent.newBuilder().setWorkspaceId(workspace)
                .setMessageId("undecodable-" + UUID.nameUUIDFromBytes(bytes)).setType(MessageType.TRACK)
                .setTimestamp(now).setReceivedAt(now).setFlags(List.of("UNDECODABLE_RECORD"))
                .setPayload(Base64.getEncoder().encodeToString(bytes)).build();
        return quarantine(raw, QuarantineReason.MALFORMED_PAYLOAD, null, List.of(violation("$", "UNDECODABLE_RECORD",
                "the raw record could not be decoded: " + problem.getMessage())));
    }

    /**
     * An event whose validation itself failed (a bug, or a limit such as a stack overflow): quarantined as
     * VALIDATION_ERROR with the error's class, so that one event cannot stop validation for everyone.
     */
    public Outcome failed(RawUsageEvent raw, Throwable problem) {
        String message = problem.getMessage() == null ? "" : ": " + problem.getMessage();
        String text = problem.getClass().getName() + message;
        return quarantine(raw, QuarantineReason.VALIDATION_ERROR, null, List.of(violation("$", "VALIDATION_ERROR",
                "validation failed on this event: " + (text.length() > 500 ? text.substring(0, 500) + "..." : text))));
    }

    private Outcome unplanned(RawUsageEvent raw, JsonNode message, DefinedCall call) {
        // the workspace's policy is about track events: a strict one must not quarantine every page view
        if (!call.track()
                || definitions.unplannedEvents(raw.getWorkspaceId()) == UnplannedEventPolicy.ACCEPT_AND_FLAG) {
            return accept(raw, message, message.get("properties"), null, null, List.of(UNPLANNED_EVENT),
                    List.of());
        }
        return quarantine(raw, QuarantineReason.UNKNOWN_EVENT, null, List.of(violation("event", "UNKNOWN_EVENT",
                "no published definition named '" + raw.getEvent() + "' in workspace " + raw.getWorkspaceId())));
    }

    /**
     * @param checked the properties, or an identify call's traits when they were checked against its definition
     * @param props {@code checked} converted to the schema's record, or null when they do not conform or there is no
     *        schema (then they are kept as JSON)
     */
    private Outcome accept(RawUsageEvent raw, JsonNode message, JsonNode checked, SchemaRef ref, GenericRecord props,
            List<String> flags, List<Violation> violations) {
        List<String> allFlags = raw.getFlags();
        if (!flags.isEmpty()) {
            allFlags = new ArrayList<>(raw.getFlags());
            allFlags.addAll(flags);
        }
        JsonNode properties = checked;
        JsonNode context = message.get("context");
        // Every field is set, so building copies no schema defaults.
        ValidatedUsageEvent event = ValidatedUsageEvent.newBuilder()
                .setWorkspaceId(raw.getWorkspaceId())
                .setMessageId(raw.getMessageId())
                .setType(raw.getType())
                .setEvent(raw.getEvent())
                .setName(DefinedCall.pageName(raw, message))
                .setUserId(raw.getUserId())
                .setAnonymousId(raw.getAnonymousId())
                .setTimestamp(raw.getTimestamp())
                .setReceivedAt(raw.getReceivedAt())
                .setSchemaRef(ref)
                .setProperties(props == null ? null : encode(props))
                .setContext(context == null || context.isNull() ? null : context.toString())
                .setFlags(allFlags)
                .setViolations(violations)
                .setPropertiesJson(props == null && properties != null && !properties.isNull()
                        ? properties.toString()
                        : null)
                .setDerivedFrom(null)
                .build();
        return new Outcome(event, null, message);
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

    private ByteBuffer encode(GenericRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writers.computeIfAbsent(record.getSchema(), GenericDatumWriter::new).write(record, encoder);
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
