package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.uip.stack.RealStackResource;
import dev.uip.stack.TestTokens;

/**
 * Odd but legal and plainly illegal input at the edge (extreme times, odd bodies, unicode, nesting, content types,
 * query parameters): each gets its 2xx or a 4xx JSON error, never a 5xx, and the service is still ready afterwards.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeBadInputTest {

    /** Any 2xx or 4xx will do: the input is odd and its exact answer is not the point. */
    static final int NOT_5XX = 0;

    /**
     * @param contentType null: send none
     * @param query for GET /v1/inspect/raw: the raw query string
     */
    record Case(String name, String path, String contentType, String body, String query, int status, String code) {

        static Case post(String name, String path, String body, int status, String code) {
            return new Case(name, path, "application/json", body, null, status, code);
        }

        static Case typed(String name, String contentType, String body, int status) {
            return new Case(name, "/v1/track", contentType, body, null, status, null);
        }

        static Case inspect(String name, String query, int status, String code) {
            return new Case(name, "/v1/inspect/raw", null, null, query, status, code);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static String track(String extra) {
        return "{\"event\":\"Edge Case\",\"userId\":\"u\"" + extra + "}";
    }

    static String times(String timestamp, String originalTimestamp, String sentAt) {
        StringBuilder extra = new StringBuilder();
        if (timestamp != null) {
            extra.append(",\"timestamp\":\"").append(timestamp).append('"');
        }
        if (originalTimestamp != null) {
            extra.append(",\"originalTimestamp\":\"").append(originalTimestamp).append('"');
        }
        if (sentAt != null) {
            extra.append(",\"sentAt\":\"").append(sentAt).append('"');
        }
        return track(extra.toString());
    }

    static String nested(int depth) {
        return track(",\"properties\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    static Stream<Case> cases() {
        String now = Instant.now().toString();
        String min = "-999999999-01-01T00:00:00Z";
        String max = "+999999999-12-31T23:59:59Z";
        List<Case> cases = new ArrayList<>(List.of(
                Case.post("timestamp at Instant's minimum, with sentAt", "/v1/track", times(min, null, now), 400,
                        "INVALID_TIMESTAMP"),
                Case.post("originalTimestamp at Instant's maximum, with sentAt", "/v1/track", times(null, max, now),
                        400, "INVALID_TIMESTAMP"),
                Case.post("sentAt at Instant's minimum", "/v1/track", times(now, null, min), 400, "INVALID_TIMESTAMP"),
                Case.post("sentAt at Instant's maximum", "/v1/track", times(null, now, max), 400, "INVALID_TIMESTAMP"),
                Case.post("timestamp beyond Avro timestamp-millis", "/v1/track", times(max, null, null), 400,
                        "INVALID_TIMESTAMP"),
                Case.post("timestamp in year 0", "/v1/track", times("0000-06-01T00:00:00Z", null, null), 400,
                        "INVALID_TIMESTAMP"),
                Case.post("timestamp in year 10000", "/v1/track", times("+10000-01-01T00:00:00Z", null, null), 400,
                        "INVALID_TIMESTAMP"),
                Case.post("timestamp 9999-12-31", "/v1/track", times("9999-12-31T23:59:59Z", null, null), 200, null),
                Case.post("timestamp 0001-01-01", "/v1/track", times("0001-01-01T00:00:00Z", null, null), 200, null),
                Case.post("timestamp with an offset", "/v1/track", times("2026-11-23T12:00:00+05:30", null, null), 200,
                        null),
                Case.post("timestamp without an offset", "/v1/track", times("2026-11-23T12:00:00", null, null), 400,
                        "INVALID_TIMESTAMP"),
                Case.post("timestamp as a number", "/v1/track", track(",\"timestamp\":1700000000000"), 400,
                        "INVALID_TIMESTAMP"),
                Case.post("timestamp as an object", "/v1/track", track(",\"timestamp\":{}"), 400, "INVALID_FIELD"),
                Case.post("empty batch", "/v1/batch", "{\"batch\": []}", 400, "EMPTY_BATCH"),
                Case.post("batch of null", "/v1/batch", "{\"batch\": [null]}", 400, "INVALID_MESSAGE"),
                Case.post("batch of arrays", "/v1/batch", "{\"batch\": [[]]}", 400, "INVALID_MESSAGE"),
                Case.post("batch null", "/v1/batch", "{\"batch\": null}", 400, "INVALID_BATCH"),
                Case.post("batch with an extreme sentAt at the top", "/v1/batch",
                        "{\"sentAt\":\"" + max + "\",\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u\","
                                + "\"timestamp\":\"" + now + "\"}]}",
                        400, "INVALID_TIMESTAMP"),
                Case.post("JSON null body", "/v1/track", "null", 400, "INVALID_MESSAGE"),
                Case.post("JSON null batch body", "/v1/batch", "null", 400, "INVALID_BATCH"),
                Case.post("JSON array body", "/v1/track", "[]", 400, "INVALID_MESSAGE"),
                Case.post("JSON array batch body", "/v1/batch", "[{}]", 400, "INVALID_BATCH"),
                Case.post("JSON number body", "/v1/track", "42", 400, "INVALID_MESSAGE"),
                Case.post("JSON string body", "/v1/identify", "\"hello\"", 400, "INVALID_MESSAGE"),
                Case.post("JSON true body", "/v1/batch", "true", 400, "INVALID_BATCH"),
                Case.post("empty object", "/v1/track", "{}", 400, "MISSING_IDENTITY"),
                Case.post("messageId of 100 chars", "/v1/track", track(",\"messageId\":\"" + "m".repeat(100) + "\""),
                        200, null),
                Case.post("messageId of 10,000 chars", "/v1/track",
                        track(",\"messageId\":\"" + "m".repeat(10_000) + "\""), 400, "INVALID_MESSAGE_ID"),
                Case.post("messageId of 100,000 chars", "/v1/track",
                        track(",\"messageId\":\"" + "m".repeat(100_000) + "\""), 400, "JSON_LIMIT"),
                Case.post("messageId as a number", "/v1/track", track(",\"messageId\":12345"), 200, null),
                Case.post("unicode names and values", "/v1/track",
                        "{\"event\":\"Café ☕ 🚀 注文\",\"userId\":\"用户-١٢٣\",\"properties\":{\"ключ\":\"ש\\u200f\"}}",
                        200, null),
                Case.post("a lone surrogate and a NUL", "/v1/track",
                        "{\"event\":\"A\\ud800\\u0000B\",\"anonymousId\":\"\\udfff\"}", 200, null),
                Case.post("properties 60 levels deep", "/v1/track", nested(60), 200, null),
                Case.post("properties 70 levels deep", "/v1/track", nested(70), 400, "JSON_LIMIT"),
                Case.post("a property name of 2,000 chars", "/v1/track",
                        track(",\"properties\":{\"" + "n".repeat(2000) + "\":1}"), 400, "JSON_LIMIT"),
                Case.post("userId as an object", "/v1/track", "{\"event\":\"A\",\"userId\":{\"id\":1}}", 400,
                        "INVALID_FIELD"),
                Case.typed("text/plain, as browsers send", "text/plain", track(""), 200),
                Case.typed("no content type", null, track(""), 200),
                Case.typed("application/xml", "application/xml", track(""), NOT_5XX),
                Case.typed("form-urlencoded", "application/x-www-form-urlencoded", track(""), NOT_5XX),
                Case.typed("multipart", "multipart/form-data; boundary=xyz", track(""), NOT_5XX),
                Case.typed("octet-stream", "application/octet-stream", track(""), NOT_5XX),
                Case.inspect("limit=-1", "limit=-1", 400, "INVALID_LIMIT"),
                Case.inspect("limit=0", "limit=0", 400, "INVALID_LIMIT"),
                Case.inspect("limit=abc", "limit=abc", 400, "INVALID_LIMIT"),
                Case.inspect("limit=99999999999", "limit=99999999999", 400, "INVALID_LIMIT"),
                Case.inspect("limit=201", "limit=201", 400, "INVALID_LIMIT"),
                Case.inspect("limit=1e3", "limit=1e3", 400, "INVALID_LIMIT"),
                Case.inspect("limit empty (the default applies)", "limit=", 200, null),
                Case.inspect("limit=200", "limit=200", 200, null),
                Case.inspect("limit twice", "limit=5&limit=abc", NOT_5XX, null)));
        return cases.stream();
    }

    @TestHTTPResource("/")
    URI base;

    /** Sent with the JDK's client, which puts any bytes under any content type as they are. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void isAnsweredWithoutA5xx(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(c.query() == null
                ? c.path()
                : c.path() + "?" + c.query())).header("Authorization", c.query() == null
                        ? BadInputTest.basic(BadInputTest.key())
                        // inspection is a management call: a viewer's service token
                        : TestTokens.bearer("edge-bad-input", "viewer"));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.body() != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        assertTrue(status < 500, () -> c.name() + " got " + status + ": " + response.body());
        if (c.status() != NOT_5XX) {
            assertEquals(c.status(), status, () -> c.name() + ": " + response.body());
        }
        if (status >= 400) {
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    c.name() + ": " + response.headers());
            JsonPath error = JsonPath.from(response.body());
            String code = error.getString("code");
            assertTrue(code != null && !code.isBlank(), c.name() + ": " + response.body());
            assertTrue(error.getString("message").length() > 5, c.name());
            if (c.code() != null) {
                assertEquals(c.code(), code, () -> c.name() + ": " + response.body());
            }
        }
    }

    @Test
    @Order(2)
    void theServiceIsStillReadyAfterwards() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
