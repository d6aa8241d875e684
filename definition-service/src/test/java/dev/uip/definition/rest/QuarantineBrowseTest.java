package dev.uip.definition.rest;

import static dev.uip.definition.rest.QuarantineKafka.quarantine;
import static dev.uip.definition.rest.QuarantineKafka.quarantined;
import static dev.uip.definition.rest.QuarantineKafka.track;
import static dev.uip.definition.rest.QuarantineKafka.violation;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.RawUsageEvent;

/** Quarantined events produced onto the real topic are stored once each and browsable with filters and counts. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class QuarantineBrowseTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void quarantinedEventsAreStoredOnceAndBrowsable() {
        String ws = "qb-" + UUID.randomUUID().toString().substring(0, 8);
        RawUsageEvent a = track(ws, "m-a", "Invoice Sent", "{\"amount\":\"lots\"}");
        RawUsageEvent b = track(ws, "m-b", "Invoice Sent", "{\"amount\":\"many\"}");
        RawUsageEvent c = track(ws, "m-c", "Invoice Sent", "{}");
        RawUsageEvent d = track(ws, "m-d", "Report Exportd", "{}");
        RawUsageEvent page = QuarantineKafka.raw(ws, "m-e", MessageType.PAGE, null,
                "{\"type\":\"page\",\"properties\":[]}");
        quarantine(
                quarantined(a, QuarantineReason.SCHEMA_VIOLATION, T0, violation("properties.amount", "WRONG_TYPE",
                        "expected a number but got string \"lots\"")),
                quarantined(b, QuarantineReason.SCHEMA_VIOLATION, T0.plusSeconds(60),
                        violation("properties.amount", "WRONG_TYPE", "expected a number")),
                quarantined(c, QuarantineReason.SCHEMA_VIOLATION, T0.plusSeconds(120),
                        violation("properties.amount", "MISSING_REQUIRED", "required property is missing")),
                quarantined(d, QuarantineReason.UNKNOWN_EVENT, T0.plusSeconds(180),
                        violation("event", "UNKNOWN_EVENT", "no published definition")),
                quarantined(page, QuarantineReason.INVALID_ENVELOPE, T0.plusSeconds(240),
                        violation("properties", "WRONG_TYPE", "'properties' must be an object")),
                // A redelivery, and a second quarantine of the same message: one row stays, as first stored.
                quarantined(a, QuarantineReason.SCHEMA_VIOLATION, T0, violation("properties.amount", "WRONG_TYPE",
                        "expected a number but got string \"lots\"")),
                quarantined(a, QuarantineReason.VALIDATION_ERROR, T0.plusSeconds(300)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> in(ws).get("/v1/quarantine").then()
                .statusCode(200).body("total", equalTo(5)));

        // Newest first; the raw event kept exactly, with why it was quarantined.
        in(ws).get("/v1/quarantine").then().body("items.messageId", equalTo(List.of("m-e", "m-d", "m-c", "m-b",
                "m-a"))).body("items[4].reason", equalTo("SCHEMA_VIOLATION"))
                .body("items[4].status", equalTo("QUARANTINED"))
                .body("items[4].violations[0].path", equalTo("properties.amount"))
                .body("items[4].raw.payload", equalTo(a.getPayload()))
                .body("items[4].raw.flags", equalTo(List.of("FUTURE_TIMESTAMP")))
                .body("items[4].raw.writeKeyId", equalTo("wk_test"));
        in(ws).get("/v1/quarantine?size=2&page=1").then().body("items.messageId", equalTo(List.of("m-c", "m-b")))
                .body("total", equalTo(5)).body("page", equalTo(1)).body("size", equalTo(2));

        // Filters: event, reason, violation path, time range, status.
        in(ws).get("/v1/quarantine?event=Invoice Sent").then().body("total", equalTo(3));
        in(ws).get("/v1/quarantine?reason=unknown_event").then().body("items.messageId", equalTo(List.of("m-d")));
        in(ws).get("/v1/quarantine?path=properties.amount").then().body("total", equalTo(3));
        in(ws).get("/v1/quarantine?from=2026-11-27T10:01:00Z&to=2026-11-27T10:03:00Z").then()
                .body("items.messageId", equalTo(List.of("m-c", "m-b")));
        in(ws).get("/v1/quarantine?status=RELEASED").then().body("total", equalTo(0));

        // Counts per reason and per event, each with the newest event as a sample.
        in(ws).get("/v1/quarantine/summary").then().statusCode(200).body("total", equalTo(5))
                .body("byReason", hasSize(3)).body("byReason[0].key", equalTo("SCHEMA_VIOLATION"))
                .body("byReason[0].count", equalTo(3)).body("byReason[0].sampleMessageId", equalTo("m-c"))
                .body("byReason[0].samplePayload", equalTo(c.getPayload()))
                .body("byEvent[0].key", equalTo("Invoice Sent")).body("byEvent[0].count", equalTo(3))
                .body("openRows", equalTo(5)).body("notStored", equalTo(0)).body("cap", equalTo(1_000_000));

        in(ws).get("/v1/quarantine/m-d").then().statusCode(200).body("event", equalTo("Report Exportd"))
                .body("reason", equalTo("UNKNOWN_EVENT"));
        in(ws).get("/v1/quarantine/nope").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // Another workspace sees none of it (row-level security).
        in("qb-other").get("/v1/quarantine/m-d").then().statusCode(404);
    }

    @Test
    void badInputIsA400WithACode() {
        String ws = "qb-bad";
        in(ws).get("/v1/quarantine?reason=NOPE").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("field", equalTo("reason"));
        in(ws).get("/v1/quarantine?from=yesterday").then().statusCode(400).body("field", equalTo("from"));
        in(ws).get("/v1/quarantine?from=2026-11-27T10:00:00Z&to=2026-11-27T09:00:00Z").then().statusCode(400)
                .body("field", equalTo("to"));
        in(ws).get("/v1/quarantine?size=0").then().statusCode(400).body("field", equalTo("size"));
        in(ws).get("/v1/quarantine?status=GONE").then().statusCode(400).body("field", equalTo("status"));
        in(ws).get("/v1/quarantine?event=" + "x".repeat(201)).then().statusCode(400).body("field", equalTo("event"));
        in(ws).get("/v1/quarantine/releases/rel_unknown").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        post(ws, "/v1/quarantine/release", "{}").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("field", equalTo("$"));
        post(ws, "/v1/quarantine/release", "not json").then().statusCode(400).body("code",
                equalTo("INVALID_REQUEST"));
        post(ws, "/v1/quarantine/release", "{\"filters\": {}}").then().statusCode(400)
                .body("message", containsString("unknown field 'filters'"));
        post(ws, "/v1/quarantine/release", "{\"messageIds\": []}").then().statusCode(400)
                .body("field", equalTo("messageIds"));
        post(ws, "/v1/quarantine/release", "{\"messageIds\": \"m-1\"}").then().statusCode(400);
        post(ws, "/v1/quarantine/preview", "{\"limit\": 0}").then().statusCode(400).body("field", equalTo("limit"));
        post(ws, "/v1/quarantine/preview", "{\"limit\": 10001}").then().statusCode(400);
        post(ws, "/v1/quarantine/discard", "{\"filter\": {}}").then().statusCode(400).body("field",
                equalTo("reason"));
        post(ws, "/v1/quarantine/discard", "{\"filter\": {}, \"reason\": \"   \"}").then().statusCode(400)
                .body("field", equalTo("reason"));
        post(ws, "/v1/quarantine/discard", "{\"filter\": {}, \"reason\": \"" + "r".repeat(501) + "\"}").then()
                .statusCode(400).body("field", equalTo("reason"));
        post(ws, "/v1/quarantine/discard", "{\"filter\": {\"reason\": \"BAD\"}, \"reason\": \"x\"}").then()
                .statusCode(400).body("field", equalTo("reason"));
    }

    static RequestSpecification in(String workspace) {
        return Api.as(workspace, "editor", "user:erin");
    }

    static io.restassured.response.Response post(String workspace, String path, String body) {
        return in(workspace).contentType(ContentType.JSON).body(body).post(path);
    }
}
