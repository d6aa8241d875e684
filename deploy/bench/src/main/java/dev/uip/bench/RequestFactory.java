package dev.uip.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds the raw HTTP requests: Segment track calls, alone or in batches, each message with a fresh messageId. */
final class RequestFactory {

    private final String head;
    private final int batchSize;
    private long sequence;

    RequestFactory(URI url, String authorization, int batchSize) {
        this.batchSize = Math.max(1, batchSize);
        this.head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: " + authorization + "\r\nContent-Length: ";
    }

    int batchSize() {
        return batchSize;
    }

    byte[] next() {
        String body;
        if (batchSize == 1) {
            body = message();
        } else {
            StringBuilder batch = new StringBuilder(batchSize * 200).append("{\"batch\":[");
            for (int i = 0; i < batchSize; i++) {
                batch.append(i == 0 ? "" : ",").append(message());
            }
            body = batch.append("],\"sentAt\":\"2026-11-23T12:00:00Z\",\"context\":{\"library\":{\"name\":\"bench\"}}}")
                    .toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (head + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[prefix.length + bytes.length];
        System.arraycopy(prefix, 0, request, 0, prefix.length);
        System.arraycopy(bytes, 0, request, prefix.length, bytes.length);
        return request;
    }

    private String message() {
        long n = sequence++;
        return "{\"type\":\"track\",\"event\":\"Report Exported\",\"userId\":\"user-" + (n % 1000)
                + "\",\"messageId\":\""
                + new UUID(0x5eed_0000_0000_0000L ^ System.nanoTime(), n) + "\",\"properties\":{\"format\":\"csv\","
                + "\"rows\":" + (n % 5000) + "},\"context\":{\"app\":{\"version\":\"1.2.3\"}}}";
    }
}
