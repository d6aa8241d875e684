package dev.uip.definition.rest;

import static dev.uip.definition.rest.QuarantineBrowseTest.in;
import static dev.uip.definition.rest.QuarantineBrowseTest.post;
import static dev.uip.definition.rest.QuarantineKafka.outcome;
import static dev.uip.definition.rest.QuarantineKafka.quarantine;
import static dev.uip.definition.rest.QuarantineKafka.quarantined;
import static dev.uip.definition.rest.QuarantineKafka.track;
import static dev.uip.definition.rest.QuarantineKafka.violation;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ReleaseResult;
import dev.uip.stack.Topics;

/**
 * Preview, release and its outcomes, and a second release, on the real stack; the validation topology's side is
 * played by producing QuarantineReleaseOutcome records onto the real topic.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class QuarantineReleaseTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final String ORDER = """
            {"name": "Order Placed", "properties": [%s{"name": "amount", "type": "number", "required": true}]}""";

    @Test
    void previewAfterAFixThenReleaseAndOutcomes() {
        String ws = workspace("qr");
        // Workspace settings are an admin's.
        Api.as(ws, "admin").contentType("application/json").body("{\"unplannedEvents\": \"quarantine\"}")
                .put("/v1/workspaces/" + ws).then().statusCode(200);
        in(ws).contentType("application/json").body(ORDER.formatted("")).post("/v1/definitions").then()
                .statusCode(201);
        RawUsageEvent o1 = track(ws, "o1", "Order Placed", "{\"amount\": 1, \"coupon\": \"A\"}");
        RawUsageEvent o2 = track(ws, "o2", "Order Placed", "{\"amount\": 2, \"coupon\": \"B\"}");
        RawUsageEvent o3 = track(ws, "o3", "Order Placed", "{\"amount\": 3, \"coupon\": 5}");
        RawUsageEvent o4 = track(ws, "o4", "Ghost Event", "{}");
        quarantine(unplannedCoupon(o1), unplannedCoupon(o2), unplannedCoupon(o3),
                quarantined(o4, QuarantineReason.UNKNOWN_EVENT, T0, violation("event", "UNKNOWN_EVENT", "none")));
        awaitStored(ws, 4);

        // Before the fix nothing would pass.
        post(ws, "/v1/quarantine/preview", "{\"filter\": {\"event\": \"Order Placed\"}}").then().statusCode(200)
                .body("matching", equalTo(3)).body("wouldPass", equalTo(0)).body("stillFail", equalTo(3))
                .body("failures[0].code", equalTo("UNPLANNED_PROPERTY"))
                .body("failures[0].path", equalTo("properties.coupon")).body("failures[0].count", equalTo(3));

        // The fix: coupon becomes an optional string (a compatible change, published as version 2).
        in(ws).contentType("application/json").body(ORDER.formatted("{\"name\": \"coupon\", \"type\": \"string\"},"))
                .put("/v1/definitions/Order Placed").then().statusCode(200).body("publishedVersion", equalTo(2));
        JsonPath preview = post(ws, "/v1/quarantine/preview", "{}").then().statusCode(200).extract().jsonPath();
        assertEquals(4, preview.getInt("checked"));
        assertEquals(2, preview.getInt("wouldPass"));
        assertEquals(2, preview.getInt("stillFail"));
        assertEquals(List.of("o1", "o2"), preview.getList("passingExamples"));
        Map<String, List<String>> failing = preview.getList("failures", Map.class).stream().collect(Collectors.toMap(
                f -> f.get("reason") + " " + f.get("code") + " " + f.get("path"), f -> (List<String>) f.get(
                        "exampleMessageIds")));
        assertEquals(Map.of("SCHEMA_VIOLATION WRONG_TYPE properties.coupon", List.of("o3"),
                "UNKNOWN_EVENT UNKNOWN_EVENT event", List.of("o4")), failing);

        // Release: the rows wait as RELEASING and one QuarantineRelease each is on the real topic, raw as stored.
        String releaseId = post(ws, "/v1/quarantine/release", "{\"filter\": {\"event\": \"Order Placed\"}}").then()
                .statusCode(200).body("count", equalTo(3)).extract().path("releaseId");
        in(ws).get("/v1/quarantine?status=RELEASING").then().body("total", equalTo(3));
        List<ConsumerRecord<String, GenericRecord>> released = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> releases(releaseId), found -> found.size() == 3);
        GenericRecord first = released.stream().filter(r -> r.key().equals(ws + "/o1")).findFirst().orElseThrow()
                .value();
        assertEquals(o1.getPayload(), ((GenericRecord) first.get("raw")).get("payload").toString());
        assertEquals("user:erin", first.get("actor").toString());
        in(ws).get("/v1/quarantine/releases/" + releaseId).then().statusCode(200).body("requested", equalTo(3))
                .body("pending", equalTo(3)).body("released", equalTo(0));

        // The release is a change event that the audit trail records.
        GenericRecord change = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> changes(releaseId),
                found -> found.size() == 1).get(0);
        assertEquals("RELEASED", change.get("action").toString());
        assertEquals("QUARANTINE", change.get("entityType").toString());
        assertEquals("user:erin", change.get("actor").toString());
        assertTrue(change.get("after").toString().contains("\"count\":3"), change.get("after").toString());
        assertTrue(change.get("after").toString().contains("\"event\":\"Order Placed\""));

        // Outcomes from the topology move the rows on.
        outcome(ws, releaseId, "o1", ReleaseResult.RELEASED, null);
        outcome(ws, releaseId, "o2", ReleaseResult.ALREADY_RELEASED, null);
        outcome(ws, releaseId, "o3", ReleaseResult.STILL_FAILING, "SCHEMA_VIOLATION",
                violation("properties.coupon", "WRONG_TYPE", "expected a string but got number 5"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> in(ws)
                .get("/v1/quarantine/releases/" + releaseId).then().body("pending", equalTo(0))
                .body("released", equalTo(2)).body("stillFailing", equalTo(1)));
        in(ws).get("/v1/quarantine/o3").then().body("status", equalTo("QUARANTINED"))
                .body("lastOutcome", equalTo("STILL_FAILING")).body("violations[0].code", equalTo("WRONG_TYPE"));
        in(ws).get("/v1/quarantine?status=RELEASED").then().body("items.messageId", containsInAnyOrder("o1", "o2"));

        // A second release of released rows selects nothing.
        post(ws, "/v1/quarantine/release", "{\"messageIds\": [\"o1\", \"o2\"]}").then().statusCode(200)
                .body("count", equalTo(0)).body("releaseId", nullValue());

        // RETRY_LATER puts the row back as it was, ready for another release.
        String again = post(ws, "/v1/quarantine/release", "{\"messageIds\": [\"o3\"]}").then().statusCode(200)
                .body("count", equalTo(1)).extract().path("releaseId");
        outcome(ws, releaseId, "o3", ReleaseResult.RELEASED, null); // an outcome of the older release: ignored
        outcome(ws, again, "o3", ReleaseResult.RETRY_LATER, "REGISTRY_UNAVAILABLE");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> in(ws)
                .get("/v1/quarantine/releases/" + again).then().body("retryLater", equalTo(1)));
        in(ws).get("/v1/quarantine/o3").then().body("status", equalTo("QUARANTINED"))
                .body("lastOutcome", equalTo("RETRY_LATER")).body("violations[0].code", equalTo("WRONG_TYPE"));
    }

    @Test
    void aDiscardNeedsAReasonAndIsAChangeEvent() {
        String ws = workspace("qd");
        quarantine(unplannedCoupon(track(ws, "d1", "Order Placed", "{\"coupon\": 1}")),
                unplannedCoupon(track(ws, "d2", "Order Placed", "{\"coupon\": 2}")));
        awaitStored(ws, 2);
        post(ws, "/v1/quarantine/discard", "{\"messageIds\": [\"d1\"]}").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("field", equalTo("reason"));
        String discardId = post(ws, "/v1/quarantine/discard", "{\"messageIds\": [\"d1\"], \"reason\": \"load test"
                + " traffic\"}").then().statusCode(200).body("count", equalTo(1)).extract().path("discardId");
        in(ws).get("/v1/quarantine/d1").then().body("status", equalTo("DISCARDED"))
                .body("statusReason", equalTo("load test traffic")).body("actor", equalTo("user:erin"))
                .body("operationId", equalTo(discardId));
        in(ws).get("/v1/quarantine/summary").then().body("total", equalTo(1)).body("openRows", equalTo(1));
        GenericRecord change = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> changes(discardId),
                found -> found.size() == 1).get(0);
        assertEquals("DISCARDED", change.get("action").toString());
        assertEquals("QUARANTINE", change.get("entityType").toString());
        assertTrue(change.get("after").toString().contains("\"reason\":\"load test traffic\""));
        // A discarded event is not released.
        post(ws, "/v1/quarantine/release", "{\"messageIds\": [\"d1\"]}").then().body("count", equalTo(0));
    }

    static String workspace(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static dev.uip.schemas.QuarantinedUsageEvent unplannedCoupon(RawUsageEvent raw) {
        return quarantined(raw, QuarantineReason.SCHEMA_VIOLATION, T0, violation("properties.coupon",
                "UNPLANNED_PROPERTY", "property 'coupon' is not in the event's definition"));
    }

    static void awaitStored(String ws, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> in(ws).get("/v1/quarantine").then()
                .statusCode(200).body("total", equalTo(count)));
    }

    static List<ConsumerRecord<String, GenericRecord>> releases(String releaseId) {
        return TopicReader.keyed(Topics.QUARANTINE_RELEASES, r -> releaseId.equals(r.get("releaseId").toString()));
    }

    static List<GenericRecord> changes(String operationId) {
        return TopicReader.records(Topics.DEFINITION_CHANGES, r -> operationId.equals(r.get("entityId").toString()));
    }
}
