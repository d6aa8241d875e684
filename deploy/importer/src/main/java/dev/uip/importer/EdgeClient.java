package dev.uip.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Posts batches to the ingest edge's {@code /v1/batch} with the write key as HTTP Basic user, as Segment SDKs do. */
class EdgeClient {

    /** Longest wait a Retry-After may ask for; a longer one is capped. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /**
     * The edge's answer.
     *
     * @param code the error body's {@code code} (null for 200 or a body without one)
     * @param retryAfter what the Retry-After header asked for, or null
     */
    record Answer(int status, String code, String message, Duration retryAfter) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final byte[] OPEN = "{\"batch\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http;
    private final URI batchUri;
    private final String authorization;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper();

    EdgeClient(URI edge, String writeKey, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.batchUri = edge.resolve("/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = requestTimeout;
    }

    URI batchUri() {
        return batchUri;
    }

    /** The size in bytes of the batch body holding messages of these sizes. */
    static long bodyBytes(long messageBytes, int messages) {
        return OPEN.length + CLOSE.length + messageBytes + Math.max(0, messages - 1);
    }

    /** Sends one batch; connection failures and timeouts are thrown as they are. */
    Answer post(List<MessagePreparer.Prepared> messages) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        body.write(OPEN);
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.write(messages.get(i).json());
        }
        body.write(CLOSE);
        HttpRequest request = HttpRequest.newBuilder(batchUri).timeout(requestTimeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String code = null;
        String message = null;
        if (response.statusCode() / 100 != 2) {
            try {
                JsonNode error = json.readTree(response.body());
                code = error.path("code").isTextual() ? error.get("code").asText() : null;
                message = error.path("message").isTextual() ? error.get("message").asText() : null;
            } catch (IOException e) {
                message = MessagePreparer.abbreviate(new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return new Answer(response.statusCode(), code, message,
                retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return null;
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
