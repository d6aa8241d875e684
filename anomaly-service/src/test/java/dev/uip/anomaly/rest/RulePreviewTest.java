package dev.uip.anomaly.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * On the real broker: a rule previewed over a series' stored history lists the alerts the production detectors would
 * have raised there (a threshold crossed by a burst, the stop at the end), and a preview that cannot be answered
 * gets a 400 saying why.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
class RulePreviewTest {

    private static final String EVENT = "Report Exported";
    private static final String WORKSPACE = "ws-" + UUID.randomUUID();
    /** A five-minute boundary: the burst and the stop are placed on window edges. */
    private static final Instant BASE = Instant.ofEpochSecond(Math.floorDiv(Instant.now().getEpochSecond(), 300)
            * 300);
    private static final Instant BURST = BASE.minus(Duration.ofMinutes(120));
    private static final Instant STOP = BASE.minus(Duration.ofMinutes(30));
    /** Sent once for the class (before the first test: the HTTP port is known from then on). */
    private static boolean historySent;

    /**
     * Three hours of history, as an import sends it: 10 events a minute, 60 a minute for the ten minutes from
     * {@link #BURST}, nothing after {@link #STOP}; the stored counts must add up before any preview.
     */
    @BeforeEach
    void history() throws Exception {
        if (historySent) {
            return;
        }
        historySent = true;
        int sent = 0;
        try (KafkaProducer<String, Object> producer = CountEndToEndTest.producer()) {
            for (Instant minute = BASE.minus(Duration.ofHours(3)); minute.isBefore(STOP); minute = minute.plusSeconds(
                    60)) {
                boolean burst = !minute.isBefore(BURST) && minute.isBefore(BURST.plus(Duration.ofMinutes(10)));
                int perMinute = burst ? 60 : 10;
                for (int i = 0; i < perMinute; i++) {
                    Instant at = minute.plusMillis(i * 60_000L / perMinute);
                    producer.send(new ProducerRecord<>(Topics.VALIDATED, WORKSPACE, ValidatedUsageEvent.newBuilder()
                            .setWorkspaceId(WORKSPACE).setMessageId(UUID.randomUUID().toString())
                            .setType(MessageType.TRACK).setEvent(EVENT).setUserId("u1").setTimestamp(at)
                            .setReceivedAt(at).build()));
                    sent++;
                }
            }
        }
        int expected = sent;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Integer> counts = Calls.asViewer(WORKSPACE).queryParam("event", EVENT)
                    .queryParam("granularity", "hour")
                    .queryParam("from", BASE.minus(Duration.ofHours(4)).toString()).get("/v1/trends/{ws}/series",
                            WORKSPACE)
                    .then().extract().jsonPath().getList("points.count");
            return counts != null && counts.stream().mapToInt(Integer::intValue).sum() == expected;
        });
    }

    @Test
    void aThresholdRuleShowsTheBurstItWouldHaveCaught() {
        Map<String, Object> body = Map.of("event", EVENT, "kind", "ABOVE", "rule", Map.of("threshold", 200,
                "windowMinutes", 5), "from", BASE.minus(Duration.ofHours(3)).toString(), "to", BASE.toString());
        var preview = Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON).body(body)
                .post("/v1/trends/{ws}/preview", WORKSPACE)
                .then().statusCode(200)
                .body("granularity", equalTo("minute"))
                .body("bucketSeconds", equalTo(60))
                .body("windowBuckets", equalTo(5))
                .body("kind", equalTo("ABOVE"))
                .extract().jsonPath();
        List<Map<String, Object>> alerts = preview.getList("alerts");
        assertEquals(1, alerts.size(), "alerts: " + alerts);
        Map<String, Object> alert = alerts.get(0);
        assertEquals(BURST.toString(), alert.get("openedAt"));
        // two windows back under the threshold resolve it
        assertEquals(BURST.plus(Duration.ofMinutes(20)).toString(), alert.get("resolvedAt"));
        assertEquals("ABOVE", alert.get("direction"));
        assertTrue(((Number) alert.get("observed")).doubleValue() > 200, "observed " + alert.get("observed"));
        assertEquals(200.0, ((Number) alert.get("expected")).doubleValue());

        // a higher threshold would have raised nothing
        Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON)
                .body(Map.of("event", EVENT, "kind", "ABOVE", "rule", Map.of(
                        "threshold", 400, "windowMinutes", 5), "from", BASE.minus(Duration.ofHours(3)).toString()))
                .post("/v1/trends/{ws}/preview", WORKSPACE).then().statusCode(200)
                .body("alerts.size()", equalTo(0));
    }

    @Test
    void theStoppedRuleFindsTheStopWithinTwoWindows() {
        List<Map<String, Object>> alerts = Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON)
                .body(Map.of("event", EVENT, "kind", "STOPPED", "from", BASE.minus(Duration.ofHours(1)).toString()))
                .post("/v1/trends/{ws}/preview", WORKSPACE).then().statusCode(200)
                .extract().jsonPath().getList("alerts");
        assertEquals(1, alerts.size(), "alerts: " + alerts);
        Instant opened = Instant.parse((String) alerts.get(0).get("openedAt"));
        assertTrue(!opened.isBefore(STOP) && !opened.isAfter(STOP.plus(Duration.ofMinutes(2))), "opened " + opened
                + ", stopped " + STOP);
        assertEquals("SILENT", alerts.get(0).get("direction"));
        assertEquals(null, alerts.get(0).get("resolvedAt"));

        // over a range that ends before the stop, the same rule raises nothing
        Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON)
                .body(Map.of("event", EVENT, "kind", "STOPPED", "from", BASE.minus(
                        Duration.ofHours(2)).toString(), "to", STOP.toString()))
                .post("/v1/trends/{ws}/preview", WORKSPACE)
                .then().statusCode(200).body("alerts.size()", equalTo(0));
    }

    @Test
    void aDropRuleOverShortHistorySaysWhyItCannotAlertYet() {
        Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON)
                .body(Map.of("event", EVENT, "kind", "DROP", "rule", Map.of(
                        "sensitivity", "high"), "from", BASE.minus(Duration.ofHours(1)).toString()))
                .post("/v1/trends/{ws}/preview", WORKSPACE).then().statusCode(200)
                .body("notes[0]", containsString("DROP and SPIKE open no alert before"));
    }

    @Test
    void refusesPreviewsItCannotRun() {
        String path = "/v1/trends/{ws}/preview";
        refused(path, "{\"event\":\"E\",\"kind\":\"ABOVE\"}", "INVALID_RULE", "threshold");
        refused(path, "{\"event\":\"E\"}", "INVALID_RULE", "kind is required");
        refused(path, "{\"event\":\"E\",\"kind\":\"SLOWER\"}", "INVALID_RULE", "kind must be one of");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"rule\":{\"sensitivty\":\"HIGH\"}}", "UNKNOWN_FIELD",
                "sensitivty");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"rule\":{\"windowMinutes\":\"five\"}}", "INVALID_BODY",
                "rule.windowMinutes");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"rule\":{\"windowMinutes\":5000}}", "INVALID_RULE",
                "windowMinutes");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"rule\":{\"windowMinutes\":99999999999}}", "INVALID_BODY",
                "out of range");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"rule\":{\"quietHours\":{\"startHour\":1,\"endHour\":"
                + "5,\"timeZone\":\"Mars/Olympus\"}}}", "INVALID_RULE", "timeZone");
        refused(path, "{\"event\":\"E\",\"kind\":", "INVALID_BODY", "not valid JSON");
        refused(path, "[1,2]", "INVALID_BODY", "JSON object");
        refused(path, "", "INVALID_BODY", "required");
        refused(path, "{\"kind\":\"DROP\"}", "INVALID_EVENT", "event name");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"from\":\"2026-11-27T10:00:00Z\",\"to\":"
                + "\"2026-11-27T09:00:00Z\"}", "INVALID_RANGE", "before");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"from\":\"soon\"}", "INVALID_TIME", "from");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"granularity\":\"week\"}", "INVALID_GRANULARITY",
                "minute");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"from\":\"" + Instant.now().plus(Duration.ofDays(1))
                + "\"}", "INVALID_RANGE", "closed");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"granularity\":\"minute\",\"from\":\"2020-01-01T00:00:00Z"
                + "\",\"to\":\"2020-01-02T00:00:00Z\"}", "RANGE_NOT_KEPT", "coarser");
        refused(path, "{\"event\":\"E\",\"kind\":\"DROP\",\"x\":\"" + "y".repeat(20_000) + "\"}", "BODY_TOO_LARGE",
                "at most");
        Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON).body("{\"event\":\"E\",\"kind\":\"DROP\"}")
                .post(path, "-bad").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    private static void refused(String path, String body, String code, String message) {
        Calls.as(WORKSPACE, "editor").contentType(ContentType.JSON).body(body).post(path, WORKSPACE).then()
                .statusCode(400)
                .body("code", equalTo(code)).body("message", containsString(message));
    }
}
