package dev.uip.ingest.mapping;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.domain.PayloadTooLargeException;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;

/** Turns one Segment message (JSON) into the raw event record the ingest edge stores. */
public final class SegmentMessageMapper {

    static final int MAX_MESSAGE_ID_LENGTH = 100;
    /** Largest single message, as JSON. */
    public static final int MAX_EVENT_BYTES = 32 * 1024;

    private SegmentMessageMapper() {
    }

    /** {@link #toRawEvent(JsonNode, MessageType, String, String, Instant, Options)} with the default options. */
    public static RawUsageEvent toRawEvent(JsonNode message, MessageType defaultType, String workspaceId,
            String writeKeyId, Instant receivedAt) {
        return toRawEvent(message, defaultType, workspaceId, writeKeyId, receivedAt, Options.DEFAULT);
    }

    /**
     * How the edge completes a message.
     *
     * @param backfillHorizon events older than this (by corrected timestamp) are flagged BEYOND_BACKFILL_HORIZON
     * @param futureTolerance events further ahead of receipt than this (by corrected timestamp) are stored with the
     *        receipt time as their timestamp and flagged FUTURE_TIMESTAMP
     * @param clientIp the connection's address, set as {@code context.ip} where a message has none; null: leave it
     */
    public record Options(Duration backfillHorizon, Duration futureTolerance, String clientIp) {

        public static final Options DEFAULT = new Options(Duration.ofDays(30), Duration.ofHours(1), null);
    }

    /** {@link #toRawEvent(JsonNode, String, MessageType, String, String, Instant, Options)} of a parsed message. */
    public static RawUsageEvent toRawEvent(JsonNode message, MessageType defaultType, String workspaceId,
            String writeKeyId, Instant receivedAt, Options options) {
        return toRawEvent(message, null, defaultType, workspaceId, writeKeyId, receivedAt, options);
    }

    /**
     * @param message one Segment message
     * @param asReceived the message's JSON text exactly as received, when the request body was this one message
     *        (stored as the payload unless the edge adds to the message), or null to write the payload from
     *        {@code message}
     * @param defaultType the type implied by the endpoint (e.g. TRACK for /v1/track); the body's "type" wins
     */
    public static RawUsageEvent toRawEvent(JsonNode message, String asReceived, MessageType defaultType,
            String workspaceId, String writeKeyId, Instant receivedAt, Options options) {
        if (message == null || !message.isObject()) {
            throw new BadMessageException("INVALID_MESSAGE", "a message must be a JSON object");
        }
        MessageType type = type(message, defaultType);
        String userId = optionalText(message, "userId");
        String anonymousId = optionalText(message, "anonymousId");
        if (userId == null && anonymousId == null) {
            throw new BadMessageException("MISSING_IDENTITY", "a message needs a userId or an anonymousId");
        }
        String event = optionalText(message, "event");
        if (type == MessageType.TRACK && (event == null || event.isBlank())) {
            throw new BadMessageException("MISSING_EVENT", "a track message needs a non-empty 'event'");
        }
        String messageId = optionalText(message, "messageId");
        if (messageId == null || messageId.isBlank()) {
            messageId = UUID.randomUUID().toString();
        } else if (messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new BadMessageException("INVALID_MESSAGE_ID", "messageId is longer than " + MAX_MESSAGE_ID_LENGTH
                    + " characters");
        }
        List<String> flags = new ArrayList<>();
        EventTime eventTime = EventTime.of(message, receivedAt, options.futureTolerance());
        Instant timestamp = eventTime.time();
        if (eventTime.future()) {
            // The client's own value stays in the payload; no window or stream time downstream runs ahead with it.
            flags.add("FUTURE_TIMESTAMP");
        }
        if (timestamp.isBefore(receivedAt.minus(options.backfillHorizon()))) {
            flags.add("BEYOND_BACKFILL_HORIZON");
        }
        boolean changed = false;
        if (message instanceof ObjectNode object && object.remove("writeKey") != null) {
            changed = true; // the key is a credential: it is not stored with the event (the key's id is)
        }
        if (options.clientIp() != null && message instanceof ObjectNode object) {
            JsonNode context = object.get("context");
            if (context == null || context.isNull()) {
                object.putObject("context").put("ip", options.clientIp());
                changed = true;
            } else if (context instanceof ObjectNode contextObject && contextObject.get("ip") == null) {
                contextObject.put("ip", options.clientIp());
                changed = true;
            }
        }
        String payload = asReceived != null && !changed ? asReceived : message.toString();
        if (payload.length() > MAX_EVENT_BYTES / 4
                && payload.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
            throw new PayloadTooLargeException("a message is larger than " + MAX_EVENT_BYTES / 1024 + " KB");
        }
        return RawUsageEvent.newBuilder()
                .setWorkspaceId(workspaceId)
                .setWriteKeyId(writeKeyId)
                .setMessageId(messageId)
                .setType(type)
                .setEvent(event)
                .setUserId(userId)
                .setAnonymousId(anonymousId)
                .setTimestamp(timestamp)
                .setReceivedAt(receivedAt)
                .setFlags(flags)
                .setPayload(payload)
                .build();
    }

    private static MessageType type(JsonNode message, MessageType defaultType) {
        String text = optionalText(message, "type");
        if (text == null) {
            return defaultType;
        }
        try {
            return MessageType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadMessageException("INVALID_TYPE", "unknown message type '" + text + "'");
        }
    }

    static String optionalText(JsonNode message, String field) {
        JsonNode node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new BadMessageException("INVALID_FIELD", "'" + field + "' must be a string");
        }
        return node.asText();
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
