package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.uip.stack.RealStackResource;

/** Every kind of bad request gets its documented 4xx and a JSON error; none gets a 5xx. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class BadInputTest {

    /** Stands for the test's real key in the case table; replaced when a case runs. */
    static final String KEY = "$KEY";
    static String issuedKey;

    record Case(String name, String path, Map<String, String> headers, byte[] body, int status, String code) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        String ok = "{\"event\":\"A\",\"userId\":\"u\"}";
        return Stream.of(
                new Case("not JSON", "/v1/track", auth(), bytes("{nope"), 400, "INVALID_JSON"),
                new Case("empty body", "/v1/track", auth(), new byte[0], 400, "EMPTY_BODY"),
                new Case("JSON array for a single call", "/v1/track", auth(), bytes("[1,2]"), 400, "INVALID_MESSAGE"),
                new Case("nested 200 levels deep", "/v1/track", auth(),
                        bytes("{\"event\":\"A\",\"userId\":\"u\",\"properties\":" + "[".repeat(200) + "]".repeat(200)
                                + "}"),
                        400, "JSON_LIMIT"),
                new Case("a 40 KB string", "/v1/track", auth(),
                        bytes("{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"x\":\"" + "a".repeat(40_000)
                                + "\"}}"),
                        400, "JSON_LIMIT"),
                new Case("a 300-digit number", "/v1/track", auth(),
                        bytes("{\"event\":\"A\",\"userId\":\"u\",\"properties\":{\"x\":" + "9".repeat(300) + "}}"),
                        400, "JSON_LIMIT"),
                new Case("one event over 32 KB", "/v1/track", auth(),
                        bytes("{\"event\":\"A\",\"userId\":\"u\",\"properties\":{" + manyProperties(3_000) + "}}"),
                        413, "TOO_LARGE"),
                new Case("invalid UTF-8", "/v1/track", auth(),
                        concat(bytes("{\"event\":\"A\",\"userId\":\""), new byte[]{(byte) 0xC3, (byte) 0x28},
                                bytes("\"}")),
                        400, "INVALID_JSON"),
                new Case("gzip header on plain bytes", "/v1/track", auth("Content-Encoding", "gzip"), bytes(ok), 400,
                        "INVALID_GZIP"),
                new Case("unknown encoding", "/v1/track", auth("Content-Encoding", "br"), bytes(ok), 400,
                        "UNSUPPORTED_ENCODING"),
                new Case("no userId or anonymousId", "/v1/track", auth(), bytes("{\"event\":\"A\"}"), 400,
                        "MISSING_IDENTITY"),
                new Case("track without event", "/v1/track", auth(), bytes("{\"userId\":\"u\"}"), 400,
                        "MISSING_EVENT"),
                new Case("messageId over 100 chars", "/v1/track", auth(),
                        bytes("{\"event\":\"A\",\"userId\":\"u\",\"messageId\":\"" + "m".repeat(101) + "\"}"), 400,
                        "INVALID_MESSAGE_ID"),
                new Case("no write key", "/v1/track", Map.of(), bytes(ok), 401, "UNAUTHORIZED"),
                new Case("malformed key", "/v1/track", Map.of("Authorization", basic("uipw_short")), bytes(ok), 401,
                        "UNAUTHORIZED"),
                new Case("well-formed but unknown key", "/v1/track",
                        Map.of("Authorization", basic(dev.uip.schemas.keys.WriteKeyFormat.generate())), bytes(ok), 401,
                        "UNAUTHORIZED"),
                new Case("broken Basic credentials", "/v1/track", Map.of("Authorization", "Basic %%%"), bytes(ok), 401,
                        "UNAUTHORIZED"),
                new Case("batch is not an array", "/v1/batch", auth(), bytes("{\"batch\":{}}"), 400, "INVALID_BATCH"),
                new Case("batched message without type", "/v1/batch", auth(), bytes("{\"batch\":[" + ok + "]}"), 400,
                        "MISSING_TYPE"),
                new Case("2,501 events in a batch", "/v1/batch", auth(), bytes("{\"batch\":[" + String.join(",",
                        java.util.Collections.nCopies(2_501, "{}")) + "]}"), 413, "TOO_LARGE"),
                new Case("gzip bomb over 500 KB", "/v1/track", auth("Content-Encoding", "gzip"),
                        gzip(bytes("{\"event\":\"A\",\"userId\":\"u\",\"x\":\"" + " ".repeat(600_000) + "\"}")), 413,
                        "TOO_LARGE"),
                new Case("unknown call", "/v1/explode", auth(), bytes(ok), 404, "UNKNOWN_CALL"),
                new Case("request over 500 KB", "/v1/track", auth(), new byte[600 * 1024], 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheDocumentedError(Case c) {
        Map<String, String> headers = new java.util.HashMap<>(c.headers());
        headers.replaceAll((name, value) -> value.equals(KEY) ? basic(key()) : value);
        var request = given().contentType("application/json").headers(headers).body(c.body());
        Response response = request.post(c.path());
        assertTrue(response.statusCode() < 500, () -> c.name() + " got " + response.statusCode());
        assertEquals(c.status(), response.statusCode(), () -> c.name() + ": " + response.asString());
        if (c.code() != null) {
            assertEquals(c.code(), response.jsonPath().getString("code"), c.name());
            assertTrue(response.jsonPath().getString("message").length() > 5, c.name());
        }
    }

    /** A key of this test's workspace, issued once and awaited until the ingest edge accepts it. */
    static synchronized String key() {
        if (issuedKey == null) {
            String key = TestKeys.issue("bad-input");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> given().header("Authorization", basic(key)).contentType("application/json")
                            .body("{\"event\":\"A\",\"userId\":\"u\"}").post("/v1/track").statusCode() == 200);
            issuedKey = key;
        }
        return issuedKey;
    }

    static String basic(String key) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> auth(String... more) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", KEY));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    static String manyProperties(int count) {
        return String.join(",", java.util.stream.IntStream.range(0, count).mapToObj(i -> "\"p" + i + "\":\"value\"")
                .toList());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

}
