package dev.uip.definition.rest;

import static dev.uip.definition.rest.AlertKafka.alert;
import static dev.uip.definition.rest.AlertKafka.notifications;
import static dev.uip.definition.rest.AlertKafka.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.rest.AlertKafka.Written;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;

/**
 * Detector alerts produced onto the real usage-alerts topic become incidents: opened once, merged when repeated,
 * resolved by the detector, with the notifications the contract asks for, suppressed in maintenance windows, quiet
 * hours and snoozes; bad records are skipped without stopping the consumer.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AlertInboxTest {

    static String workspace(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath awaitIncident(String ws, String event, java.util.function.Predicate<JsonPath> ready) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> ids = Api.as(ws, "viewer").queryParam("event", event).get("/v1/alerts").then()
                    .statusCode(200).extract().jsonPath().getList("items.id");
            return ids.isEmpty()
                    ? null
                    : Api.as(ws, "viewer").get("/v1/alerts/{id}", ids.get(0)).then()
                            .statusCode(200).extract().jsonPath();
        }, found -> found != null && ready.test(found));
    }

    static List<Written> awaitNotifications(String ws, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> notifications(ws),
                found -> found.size() >= count);
    }

    @Test
    void anAlertOpensMergesRaisesAndResolvesWithOneNotificationEach() {
        String ws = workspace("al-flow");
        AlertKafka.define(ws, "Checkout Completed", true, "high", "payments");
        var first = alert(ws, "a-1", "Checkout Completed", AlertState.OPENED, AlertSeverity.MEDIUM, 12, 70.0).build();
        send(first);

        JsonPath opened = awaitIncident(ws, "Checkout Completed", json -> true);
        String id = opened.getString("incident.id");
        assertEquals("open", opened.getString("incident.status"));
        // A key event of criticality high: severity high (the detector said medium), and it pages.
        assertEquals("high", opened.getString("incident.severity"));
        assertTrue(opened.getBoolean("incident.page"));
        assertEquals("payments", opened.getString("incident.team"));
        assertEquals(1, opened.getInt("incident.occurrences"));

        Written notification = awaitNotifications(ws, 1).get(0);
        assertEquals("alert:" + id + ":opened", notification.id());
        assertEquals("ALERT_OPENED", notification.kind());
        assertEquals("payments", notification.team());
        assertEquals("HIGH", notification.severity());
        assertTrue(notification.page());
        assertEquals("Checkout Completed dropped 83% below expected (12 vs ~70/min)", notification.title());
        assertNull(notification.suppressedReason());
        JsonPath payload = JsonPath.from(notification.payload());
        assertEquals(id, payload.getString("incident.id"));
        assertEquals("open", payload.getString("incident.status"));
        assertEquals(70.0, payload.getDouble("incident.expected"));
        assertEquals("/v1/alerts/" + id, payload.getString("links.incident"));

        // The same record again, then a repeat of the same severity: merged, no new notification.
        send(first, alert(ws, "a-2", "Checkout Completed", AlertState.OPENED, AlertSeverity.MEDIUM, 10, 71.0).build());
        JsonPath merged = awaitIncident(ws, "Checkout Completed", json -> json.getInt("incident.occurrences") >= 2);
        assertEquals(2, merged.getInt("incident.occurrences"));
        assertEquals(id, merged.getString("incident.id"));
        assertEquals(10.0, merged.getDouble("incident.observed"));
        assertEquals(1, notifications(ws).size());

        // A repeat of higher severity: ALERT_REPEATED.
        send(alert(ws, "a-3", "Checkout Completed", AlertState.OPENED, AlertSeverity.CRITICAL, 0, 70.0).build());
        List<Written> two = awaitNotifications(ws, 2);
        assertEquals("alert:" + id + ":repeated:3", two.get(1).id());
        assertEquals("ALERT_REPEATED", two.get(1).kind());
        assertEquals("CRITICAL", two.get(1).severity());

        // Resolving two of the three alerts keeps the incident open; the last one resolves it.
        send(alert(ws, "a-1", "Checkout Completed", AlertState.RESOLVED, AlertSeverity.MEDIUM, 69, 70.0).build(),
                alert(ws, "a-2", "Checkout Completed", AlertState.RESOLVED, AlertSeverity.MEDIUM, 69, 70.0).build());
        awaitIncident(ws, "Checkout Completed", json -> json.getList("occurrences").size() == 5);
        Api.as(ws, "viewer").get("/v1/alerts/{id}", id).then().body("incident.status", equalTo("open"));
        var last = alert(ws, "a-3", "Checkout Completed", AlertState.RESOLVED, AlertSeverity.CRITICAL, 70, 70.0)
                .build();
        send(last, last);
        JsonPath resolved = awaitIncident(ws, "Checkout Completed",
                json -> json.getString("incident.status").equals("resolved"));
        assertEquals("detector", resolved.getString("incident.resolvedBy"));
        List<Written> three = awaitNotifications(ws, 3);
        assertEquals("ALERT_RESOLVED", three.get(2).kind());
        assertEquals("alert:" + id + ":resolved", three.get(2).id());

        // A new OPENED alert after the resolution opens a new incident.
        send(alert(ws, "a-4", "Checkout Completed", AlertState.OPENED, AlertSeverity.LOW, 1, 70.0).build());
        List<Written> four = awaitNotifications(ws, 4);
        assertEquals("ALERT_OPENED", four.get(3).kind());
        assertFalse(four.get(3).subjectId().equals(id));
        Api.as(ws, "viewer").get("/v1/alerts").then().body("items", hasSize(2));
        Api.as(ws, "viewer").queryParam("team", "payments").queryParam("status", "resolved").get("/v1/alerts").then()
                .body("items.id", equalTo(List.of(id)));
        Api.as(ws, "viewer").queryParam("team", "growth").get("/v1/alerts").then().body("items", hasSize(0));
        assertEquals(4, notifications(ws).size());
    }

    @Test
    void undecodableAndImpossibleRecordsAreSkippedAndTheConsumerGoesOn() {
        String ws = workspace("al-bad");
        AlertKafka.sendGarbage(ws);
        send(alert(ws, "bad-1", "Broken", AlertState.OPENED, AlertSeverity.LOW, Double.NaN, 1.0).build(),
                alert(ws, "bad-2", "Broken", AlertState.OPENED, AlertSeverity.LOW, 1, 1.0).setRule("").build(),
                alert(ws, "bad-3", "x".repeat(5000), AlertState.OPENED, AlertSeverity.LOW, 1, 1.0).build(),
                alert(ws, "never-opened", "Broken", AlertState.RESOLVED, AlertSeverity.LOW, 1, 1.0).build(),
                alert(ws, "good-1", "Fine", AlertState.OPENED, AlertSeverity.LOW, 1, 10.0).build());
        awaitIncident(ws, "Fine", json -> true);
        Api.as(ws, "viewer").get("/v1/alerts").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].event", equalTo("Fine"));
        assertEquals(1, notifications(ws).size());
    }

    @Test
    void aMaintenanceWindowRecordsTheNotificationWithItsReason() {
        String ws = workspace("al-mw");
        String window = Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"event\":\"Deploy Event\","
                + "\"startsAt\":\"" + Instant.now().minusSeconds(60) + "\",\"endsAt\":\"" + Instant.now()
                        .plusSeconds(3600)
                + "\",\"reason\":\"release 4.2\"}")
                .post("/v1/maintenance-windows").then().statusCode(201).extract().jsonPath().getString("id");
        send(alert(ws, "mw-1", "Deploy Event", AlertState.OPENED, AlertSeverity.HIGH, 1, 50.0).build(),
                alert(ws, "mw-2", "Other Event", AlertState.OPENED, AlertSeverity.HIGH, 1, 50.0).build());
        List<Written> written = awaitNotifications(ws, 2);
        Written deploy = written.stream().filter(n -> n.eventName().equals("Deploy Event")).findFirst().orElseThrow();
        assertEquals("maintenance window " + window + ": release 4.2", deploy.suppressedReason());
        assertEquals("ALERT_OPENED", deploy.kind());
        Written other = written.stream().filter(n -> n.eventName().equals("Other Event")).findFirst().orElseThrow();
        assertNull(other.suppressedReason());

        // Ended now: the event's next notification is delivered again.
        Api.as(ws, "editor").delete("/v1/maintenance-windows/{id}", window).then().statusCode(200)
                .body("active", equalTo(false)).body("endedBy", equalTo(Api.actorOf(ws, "editor")));
        send(alert(ws, "mw-1", "Deploy Event", AlertState.RESOLVED, AlertSeverity.HIGH, 50, 50.0).build());
        Written resolved = awaitNotifications(ws, 3).get(2);
        assertEquals("ALERT_RESOLVED", resolved.kind());
        assertNull(resolved.suppressedReason());
    }

    @Test
    void quietHoursHoldBackANonPagingNotificationButNotAPage() {
        String ws = workspace("al-quiet");
        AlertKafka.define(ws, "Payment Made", true, "critical", "growth");
        AlertKafka.define(ws, "Signup Viewed", false, "low", "growth");
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        // Two hours from this one, so that the test cannot cross the end.
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"startHour\":" + hour + ",\"endHour\":" + (hour + 2)
                % 24 + ",\"timeZone\":\"UTC\"}").put("/v1/teams/growth/quiet-hours").then().statusCode(200);
        send(alert(ws, "q-1", "Signup Viewed", AlertState.OPENED, AlertSeverity.LOW, 1, 50.0).build(),
                alert(ws, "q-2", "Payment Made", AlertState.OPENED, AlertSeverity.LOW, 1, 50.0).build());
        List<Written> written = awaitNotifications(ws, 2);
        Written quiet = written.stream().filter(n -> n.eventName().equals("Signup Viewed")).findFirst().orElseThrow();
        assertEquals(String.format("quiet hours %02d-%02d UTC", hour, (hour + 2) % 24), quiet.suppressedReason());
        assertEquals("growth", quiet.team());
        assertFalse(quiet.page());
        Written page = written.stream().filter(n -> n.eventName().equals("Payment Made")).findFirst().orElseThrow();
        assertTrue(page.page());
        assertEquals("CRITICAL", page.severity());
        assertNull(page.suppressedReason());
    }

    @Test
    void aSnoozedIncidentsNotificationsAreRecordedOnly() {
        String ws = workspace("al-snooze");
        send(alert(ws, "s-1", "Search Done", AlertState.OPENED, AlertSeverity.LOW, 1, 50.0).build());
        String id = awaitIncident(ws, "Search Done", json -> true).getString("incident.id");
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"until\":\"" + until + "\"}")
                .post("/v1/alerts/{id}/snooze", id).then().statusCode(200).body("status", equalTo("snoozed"));
        send(alert(ws, "s-2", "Search Done", AlertState.OPENED, AlertSeverity.HIGH, 0, 50.0).build());
        List<Written> written = awaitNotifications(ws, 2);
        assertEquals("ALERT_REPEATED", written.get(1).kind());
        assertEquals("snoozed until " + until, written.get(1).suppressedReason());
        Api.as(ws, "viewer").get("/v1/alerts/{id}", id).then().body("incident.status", equalTo("snoozed"))
                .body("incident.snoozedUntil", equalTo(until.toString()))
                .body("incident.resolvedAt", nullValue());
    }
}
