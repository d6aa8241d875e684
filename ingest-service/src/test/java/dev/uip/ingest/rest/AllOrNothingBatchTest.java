package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.uip.ingest.domain.UnencodableEventException;
import dev.uip.ingest.messaging.InFlightBudget;
import dev.uip.ingest.messaging.RawEventPublisher;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.stack.RealStackResource;

/**
 * A request is stored whole or not at all, and what it may cost is bounded: counted on the real raw topic for a fresh
 * workspace per test.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class AllOrNothingBatchTest {

    @Inject
    RawEventPublisher publisher;

    /** A key of a new workspace, awaited until the edge knows it (a message without identity is then a 400). */
    static String freshKey(String workspace) {
        String key = TestKeys.issue(workspace);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body("{\"event\":\"A\"}").post("/v1/track").statusCode() == 400);
        return key;
    }

    static String track(String messageId, String extra) {
        return "{\"type\":\"track\",\"event\":\"Row Added\",\"userId\":\"u-" + messageId + "\",\"messageId\":\""
                + messageId + "\"" + extra + "}";
    }

    static Response post(String key, String path, String body) {
        return given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body(body).post(path);
    }

    /** Sends one ordinary event and waits until it is on the raw topic: anything sent before has landed by then. */
    static List<ConsumerRecord<String, byte[]>> storedAfterAMarker(String key, String workspace) {
        post(key, "/v1/track", "{\"event\":\"Marker\",\"userId\":\"marker\"}").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> RawTopic.records(workspace).stream()
                .anyMatch(r -> r.key().equals(workspace + "/marker")));
        List<ConsumerRecord<String, byte[]>> stored = new ArrayList<>(RawTopic.records(workspace));
        stored.removeIf(r -> r.key().equals(workspace + "/marker"));
        return stored;
    }

    @Test
    void aBatchWhoseLast2000thMessageCannotBeStoredStoresNone() {
        String workspace = "atomic-" + UUID.randomUUID().toString().substring(0, 8);
        String key = freshKey(workspace);
        assertEquals(0, RawTopic.records(workspace).size());
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 1999; i++) {
            messages.add(track("m" + i, ""));
        }
        // Beyond what the raw record's timestamp-millis can hold: until now it failed inside the producer, after the
        // first 1,999 were sent.
        messages.add(track("m1999", ",\"timestamp\":\"+999999999-12-31T23:59:59Z\""));
        post(key, "/v1/batch", "{\"batch\":[" + String.join(",", messages) + "]}").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_TIMESTAMP"))
                .body("message", containsString("batch[1999]"));

        assertEquals(List.of(), storedAfterAMarker(key, workspace).stream().map(ConsumerRecord::key).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.budget().bytes(workspace) == 0);
    }

    @Test
    void anEventTheEncoderRefusesFailsItsWholeRequestAndGivesItsBudgetBack() {
        String workspace = "encode-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        // Built past the mapper's checks: the encoder is the last line of defence.
        List<RawUsageEvent> events = List.of(raw(workspace, "ok", now, now),
                raw(workspace, "bad", Instant.parse("+999999999-12-31T23:59:59Z"), now));
        CompletionException failed = assertThrows(CompletionException.class,
                () -> publisher.publish(events).join());
        assertEquals(1, ((UnencodableEventException) failed.getCause()).index());
        assertEquals(0, publisher.budget().bytes(workspace));
        assertEquals(0, RawTopic.records(workspace).size());
    }

    static RawUsageEvent raw(String workspace, String user, Instant timestamp, Instant receivedAt) {
        return RawUsageEvent.newBuilder().setWorkspaceId(workspace).setWriteKeyId("wk").setMessageId(user)
                .setType(MessageType.TRACK).setEvent("A").setUserId(user).setTimestamp(timestamp)
                .setReceivedAt(receivedAt).setFlags(List.of()).setPayload("{}").build();
    }

    @Test
    void aBatchLevelContextMergedIntoThousandsOfMessagesIsRefusedNotMultiplied() {
        String workspace = "context-" + UUID.randomUUID().toString().substring(0, 8);
        String key = freshKey(workspace);
        String context = "\"context\":{\"page\":{\"title\":\"" + "t".repeat(30_000) + "\"}}";
        List<String> tiny = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            tiny.add("{\"type\":\"track\",\"event\":\"E\",\"userId\":\"u" + i + "\"}");
        }
        String body = "{" + context + ",\"batch\":[" + String.join(",", tiny) + "]}";
        long start = System.nanoTime();
        Response refused = post(key, "/v1/batch", body);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(413, refused.statusCode(), refused.asString());
        assertEquals("TOO_LARGE", refused.jsonPath().getString("code"));
        assertTrue(refused.jsonPath().getString("message").contains("batch-level context"), refused.asString());
        System.out.printf("2,500 messages under a 30 KB batch context (%d KB body): 413 in %d ms%n",
                body.length() / 1024, millis);

        // The same context over 100 messages (3 MB stored) is within the bound and stored whole.
        String hundred = "{" + context + ",\"batch\":[" + String.join(",", tiny.subList(0, 100)) + "]}";
        post(key, "/v1/batch", hundred).then().statusCode(200);
        List<ConsumerRecord<String, byte[]>> stored = storedAfterAMarker(key, workspace);
        assertEquals(100, stored.size());
        assertTrue(stored.stream().allMatch(r -> r.value().length > 30_000), "each carries the merged context");
    }

    @Test
    void eventTimesFarAheadAreStoredAtReceiptAndEveryRawRecordsKafkaTimestampIsItsReceipt() {
        String key = freshKey("times-" + UUID.randomUUID().toString().substring(0, 8));
        String run = UUID.randomUUID().toString();
        String past = Instant.now().minusSeconds(60).toString();
        String batch = "{\"batch\":[" + track("past-" + run, ",\"timestamp\":\"" + past + "\"") + ","
                + track("y9999-" + run, ",\"timestamp\":\"9999-12-31T23:59:59Z\"") + ","
                + track("ahead-" + run, ",\"timestamp\":\"" + Instant.now().plusSeconds(7200) + "\"") + "]}";
        post(key, "/v1/batch", batch).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> raw = given().header("Authorization", TestKeys.viewerOf(key))
                    .queryParam("limit", 200)
                    .get("/v1/inspect/raw").then().statusCode(200).extract().jsonPath().getList("$");
            Map<String, Map<String, Object>> ours = new java.util.HashMap<>();
            for (Map<String, Object> record : raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> value = (Map<String, Object>) record.get("value");
                String id = String.valueOf(value.get("messageId"));
                if (id.endsWith(run)) {
                    ours.put(id.substring(0, id.indexOf('-')), record);
                }
            }
            assertEquals(3, ours.size(), ours.toString());
            for (Map<String, Object> record : ours.values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> value = (Map<String, Object>) record.get("value");
                long receivedAt = ((Number) value.get("receivedAt")).longValue();
                assertEquals(Instant.ofEpochMilli(receivedAt).toString(), record.get("time"),
                        "the Kafka timestamp is receivedAt");
            }
            for (String future : List.of("y9999", "ahead")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> value = (Map<String, Object>) ours.get(future).get("value");
                assertEquals(value.get("receivedAt"), value.get("timestamp"), future);
                assertEquals(List.of("FUTURE_TIMESTAMP"), value.get("flags"), future);
                assertTrue(String.valueOf(value.get("payload")).contains("\"timestamp\":\""), future);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) ours.get("past").get("value");
            assertEquals(Instant.parse(past).toEpochMilli(), ((Number) value.get("timestamp")).longValue());
            assertEquals(List.of(), value.get("flags"));
        });
    }

    @Test
    void anEmptyBatchIsAnsweredAtOnce() {
        long start = System.nanoTime();
        post(BadInputTest.key(), "/v1/batch", "{\"batch\": []}").then().statusCode(400)
                .body("code", equalTo("EMPTY_BATCH"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "answered in " + millis + " ms");
    }

    @Test
    void aWorkspaceWithTooManyBytesWaitingIsAskedToRetryWhileOthersAreServed() {
        String noisy = "noisy-" + UUID.randomUUID().toString().substring(0, 8);
        String quiet = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        String noisyKey = freshKey(noisy);
        String quietKey = freshKey(quiet);
        // Stands for a broker that has not acknowledged 16 MB of this workspace's events yet.
        InFlightBudget.Lease backlog = publisher.budget().acquire(noisy, 1, 16L * 1024 * 1024);
        try {
            Response refused = post(noisyKey, "/v1/track", "{\"event\":\"A\",\"userId\":\"u\"}");
            assertEquals(503, refused.statusCode(), refused.asString());
            assertEquals("BROKER_BACKLOGGED", refused.jsonPath().getString("code"));
            assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
            post(quietKey, "/v1/track", "{\"event\":\"A\",\"userId\":\"u\"}").then().statusCode(200);
        } finally {
            backlog.settle(1);
        }
        post(noisyKey, "/v1/track", "{\"event\":\"A\",\"userId\":\"u\"}").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.budget().bytes(noisy) == 0
                && publisher.budget().bytes(quiet) == 0);
    }
}
