package dev.uip.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one line of a Segment export into the message the edge is sent: its original event time kept, and a
 * messageId derived from the file and line where it has none, so that a resumed import sends the same id again.
 */
final class MessagePreparer {

    /** The edge refuses a stored message above 32 KB; such lines are rejected here without a request. */
    static final int MAX_MESSAGE_BYTES = 32 * 1024;

    /** What became of a line: a message to send, or the reason it cannot be one. */
    sealed interface Result permits Prepared, Unusable {
    }

    /** A message to send, as the JSON bytes that go into the batch. */
    record Prepared(long line, String messageId, byte[] json) implements Result {
    }

    /**
     * A line that is not sent.
     *
     * @param code INVALID_JSON for lines that are not a JSON object (counted as unreadable), else the reason the
     *        edge would refuse it (counted as rejected)
     */
    record Unusable(String code, String reason) implements Result {

        boolean unreadable() {
            return code.equals(INVALID_JSON);
        }
    }

    static final String INVALID_JSON = "INVALID_JSON";

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final String fileName;

    /** @param fileName the input's file name (not its path: moving the file keeps the derived ids) */
    MessagePreparer(String fileName) {
        this.fileName = fileName;
    }

    Result prepare(LineSource.Line line) {
        if (line.tooLong()) {
            return new Unusable("TOO_LARGE", "the line is " + line.length() + " bytes; the edge stores at most "
                    + MAX_MESSAGE_BYTES / 1024 + " KB per event");
        }
        JsonNode node;
        try {
            node = json.readTree(line.bytes());
        } catch (JsonProcessingException e) {
            return new Unusable(INVALID_JSON, "not valid JSON: " + abbreviate(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return new Unusable(INVALID_JSON, "not valid JSON: " + abbreviate(e.getMessage()));
        }
        if (!(node instanceof ObjectNode message)) {
            return new Unusable(INVALID_JSON, "not a JSON object");
        }
        JsonNode id = message.get("messageId");
        String messageId;
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
            messageId = derivedId(line);
            message.put("messageId", messageId);
        } else {
            messageId = id.asText();
        }
        keepOriginalTime(message);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            return new Unusable(INVALID_JSON, "cannot be written back as JSON: " + abbreviate(e.getOriginalMessage()));
        }
        if (bytes.length > MAX_MESSAGE_BYTES) {
            return new Unusable("TOO_LARGE", "the message is " + bytes.length + " bytes; the edge stores at most "
                    + MAX_MESSAGE_BYTES / 1024 + " KB per event");
        }
        return new Prepared(line.number(), messageId, bytes);
    }

    /**
     * The edge corrects {@code originalTimestamp} for clock skew by {@code sentAt} against its own receipt time, which
     * would move an exported event to today: without {@code sentAt} it keeps {@code timestamp}, the event time that
     * Segment itself had already corrected. A message without one gets its original or received time instead.
     */
    private static void keepOriginalTime(ObjectNode message) {
        message.remove("sentAt");
        if (isMissing(message.get("timestamp"))) {
            for (String field : new String[]{"originalTimestamp", "receivedAt"}) {
                JsonNode value = message.get(field);
                if (!isMissing(value)) {
                    message.set("timestamp", value);
                    return;
                }
            }
        }
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }

    /** The same file name, line number and content always give the same id (at most 36 characters). */
    private String derivedId(LineSource.Line line) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fileName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(Long.toString(line.number()).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(line.bytes());
            return "imp-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
