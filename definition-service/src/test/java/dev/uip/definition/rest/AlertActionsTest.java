package dev.uip.definition.rest;

import static dev.uip.definition.rest.AlertKafka.alert;
import static dev.uip.definition.rest.AlertKafka.notifications;
import static dev.uip.definition.rest.AlertKafka.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.stack.Topics;

/**
 * People act on incidents through the API: each action is a change event with the token's actor, a person's
 * resolution is notified once and the detector's later one changes nothing; wrong roles, other workspaces, bad
 * transitions and bad input get 403, 404, 409 and 400; lists filter and page by cursor; windows and quiet hours are
 * bounded and recorded as changes.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AlertActionsTest {

    static String open(String ws, String alertId, String event, AlertSeverity severity) {
        send(alert(ws, alertId, event, AlertState.OPENED, severity, 1, 40.0).build());
        return AlertInboxTest.awaitIncident(ws, event, json -> true).getString("incident.id");
    }

    static List<GenericRecord> changes(String ws, String entityType, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.records(
                Topics.DEFINITION_CHANGES, r -> ws.equals(r.get("workspaceId").toString())
                        && entityType.equals(r.get("entityType").toString())),
                found -> found.size() >= count);
    }

    @Test
    void everyActionIsAChangeEventWithTheTokensActor() {
        String ws = AlertInboxTest.workspace("ac-act");
        String id = open(ws, "x-1", "Cart Viewed", AlertSeverity.MEDIUM);
        var alice = Api.as(ws, "editor", "user:alice");
        Api.as(ws, "editor", "user:alice").post("/v1/alerts/{id}/acknowledge", id).then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("acknowledgedBy", equalTo("user:alice"));
        Api.as(ws, "editor", "user:alice").contentType(ContentType.JSON).body("{\"until\":\"" + Instant.now()
                .plus(Duration.ofDays(1)) + "\"}").post("/v1/alerts/{id}/snooze", id).then().statusCode(200)
                .body("status", equalTo("snoozed"));
        Api.as(ws, "editor", "user:alice").post("/v1/alerts/{id}/unsnooze", id).then().statusCode(200)
                .body("status", equalTo("acknowledged"));
        alice.contentType(ContentType.JSON).body("{\"note\":\"tag fixed in 4.2.1\"}")
                .post("/v1/alerts/{id}/resolve", id).then().statusCode(200).body("status", equalTo("resolved"))
                .body("resolvedBy", equalTo("user:alice")).body("resolutionNote", equalTo("tag fixed in 4.2.1"));

        List<GenericRecord> changes = changes(ws, "ALERT", 4);
        assertEquals(List.of("ACKNOWLEDGED", "SNOOZED", "UNSNOOZED", "RESOLVED"), changes.stream()
                .map(r -> r.get("action").toString()).toList());
        changes.forEach(r -> {
            assertEquals("user:alice", r.get("actor").toString());
            assertEquals(id, r.get("entityId").toString());
        });
        assertEquals("resolved", io.restassured.path.json.JsonPath.from(changes.get(3).get("after").toString())
                .getString("status"));

        // The incident's history lists the actions; the person's resolution was notified once, and the detector's
        // later RESOLVED changes nothing.
        send(alert(ws, "x-1", "Cart Viewed", AlertState.RESOLVED, AlertSeverity.MEDIUM, 40, 40.0).build());
        AlertInboxTest.awaitIncident(ws, "Cart Viewed", json -> json.getList("occurrences").size() == 2);
        Api.as(ws, "viewer").get("/v1/alerts/{id}", id).then().statusCode(200)
                .body("incident.resolvedBy", equalTo("user:alice")).body("actions", hasSize(4))
                .body("actions[0].action", equalTo("RESOLVED")).body("occurrences[0].outcome",
                        equalTo("already_resolved"));
        List<String> kinds = notifications(ws).stream().map(AlertKafka.Written::kind).toList();
        assertEquals(List.of("ALERT_OPENED", "ALERT_RESOLVED"), kinds);
    }

    @Test
    void rolesWorkspacesTransitionsAndInputAreChecked() {
        String ws = AlertInboxTest.workspace("ac-err");
        String id = open(ws, "e-1", "Plan Changed", AlertSeverity.LOW);
        Api.as(ws, "viewer").post("/v1/alerts/{id}/acknowledge", id).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        String other = AlertInboxTest.workspace("ac-other");
        Api.as(other, "viewer").get("/v1/alerts/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(other, "admin").post("/v1/alerts/{id}/resolve", id).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.as(ws, "viewer").get("/v1/alerts/{id}", "no-such-id").then().statusCode(404);

        Api.as(ws, "editor").contentType(ContentType.JSON)
                .body("{\"until\":\"" + Instant.now().plus(Duration.ofDays(31))
                        + "\"}")
                .post("/v1/alerts/{id}/snooze", id).then().statusCode(400).body("code",
                        equalTo("INVALID_REQUEST"))
                .body("field", equalTo("until"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"until\":\"tomorrow\"}")
                .post("/v1/alerts/{id}/snooze", id).then().statusCode(400).body("field", equalTo("until"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"until\":\"" + Instant.now().plusSeconds(60)
                + "\",\"extra\":1}").post("/v1/alerts/{id}/snooze", id).then().statusCode(400);
        Api.as(ws, "editor").post("/v1/alerts/{id}/unsnooze", id).then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION"));
        Api.as(ws, "editor").post("/v1/alerts/{id}/resolve", id).then().statusCode(200);
        Api.as(ws, "editor").post("/v1/alerts/{id}/acknowledge", id).then().statusCode(409)
                .body("code", equalTo("INVALID_TRANSITION")).body("message", equalTo(
                        "the incident is resolved; only an open incident can be acknowledged"));
        Api.as(ws, "editor").post("/v1/alerts/{id}/resolve", id).then().statusCode(409);
        Api.as(ws, "viewer").queryParam("status", "sleeping").get("/v1/alerts").then().statusCode(400)
                .body("field", equalTo("status"));
        Api.as(ws, "viewer").queryParam("cursor", "!!").get("/v1/alerts").then().statusCode(400)
                .body("field", equalTo("cursor"));
        Api.as(ws, "viewer").queryParam("limit", "1000").get("/v1/alerts").then().statusCode(400);
    }

    @Test
    void listsFilterAndPageNewestFirstAndASnoozeExpiresOnRead() throws Exception {
        String ws = AlertInboxTest.workspace("ac-list");
        String first = open(ws, "l-1", "Event One", AlertSeverity.LOW);
        String second = open(ws, "l-2", "Event Two", AlertSeverity.HIGH);
        String third = open(ws, "l-3", "Event Three", AlertSeverity.LOW);

        var page = Api.as(ws, "viewer").queryParam("limit", 2).get("/v1/alerts").then().statusCode(200)
                .body("items.id", equalTo(List.of(third, second))).extract().jsonPath();
        String cursor = page.getString("nextCursor");
        Api.as(ws, "viewer").queryParam("limit", 2).queryParam("cursor", cursor).get("/v1/alerts").then()
                .statusCode(200).body("items.id", equalTo(List.of(first))).body("nextCursor", nullValue());
        Api.as(ws, "viewer").queryParam("severity", "high").get("/v1/alerts").then()
                .body("items.id", equalTo(List.of(second)));

        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"until\":\"" + Instant.now().plusSeconds(3600)
                + "\"}").post("/v1/alerts/{id}/snooze", first).then().statusCode(200);
        Api.as(ws, "editor").post("/v1/alerts/{id}/acknowledge", second).then().statusCode(200);
        Api.as(ws, "viewer").queryParam("status", "snoozed").get("/v1/alerts").then()
                .body("items.id", equalTo(List.of(first)));
        Api.as(ws, "viewer").queryParam("status", "open").get("/v1/alerts").then()
                .body("items.id", equalTo(List.of(third)));
        Api.as(ws, "viewer").queryParam("status", "acknowledged").get("/v1/alerts").then()
                .body("items.id", equalTo(List.of(second)));

        // The snooze ran out (moved into the past here): the incident reads as open again, everywhere.
        try (Connection owner = Db.owner();
                PreparedStatement update = owner.prepareStatement(
                        "update alert_incident set snoozed_until = now() - interval '1 minute' where workspace_id = ? and"
                                + " id = ?")) {
            update.setString(1, ws);
            update.setString(2, first);
            assertEquals(1, update.executeUpdate());
        }
        Api.as(ws, "viewer").get("/v1/alerts/{id}", first).then().body("incident.status", equalTo("open"))
                .body("incident.snoozedUntil", nullValue());
        Api.as(ws, "viewer").queryParam("status", "open").get("/v1/alerts").then()
                .body("items.id", equalTo(List.of(third, first)));
        Api.as(ws, "viewer").queryParam("status", "snoozed").get("/v1/alerts").then().body("items", hasSize(0));
        Api.as(ws, "editor").post("/v1/alerts/{id}/unsnooze", first).then().statusCode(409);
    }

    @Test
    void maintenanceWindowsAndQuietHoursAreBoundedAndRecorded() {
        String ws = AlertInboxTest.workspace("ac-mw");
        Instant now = Instant.now();
        var editor = "{\"event\":null,\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"reason\":\"db upgrade\"}";
        Api.as(ws, "editor").contentType(ContentType.JSON).body(String.format(editor, now, now.plus(Duration.ofDays(
                32)))).post("/v1/maintenance-windows").then().statusCode(400).body("field", equalTo("endsAt"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body(String.format(editor, now, now.minusSeconds(1)))
                .post("/v1/maintenance-windows").then().statusCode(400).body("field", equalTo("endsAt"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"startsAt\":\"soon\",\"endsAt\":\"later\"}")
                .post("/v1/maintenance-windows").then().statusCode(400).body("field", equalTo("startsAt"));
        Api.as(ws, "viewer").contentType(ContentType.JSON).body(String.format(editor, now, now.plusSeconds(60)))
                .post("/v1/maintenance-windows").then().statusCode(403);
        String id = Api.as(ws, "editor", "user:bob").contentType(ContentType.JSON).body(String.format(editor, now,
                now.plus(Duration.ofDays(31)))).post("/v1/maintenance-windows").then().statusCode(201)
                .body("active", equalTo(true)).body("event", nullValue()).extract().jsonPath().getString("id");
        Api.as(ws, "viewer").get("/v1/maintenance-windows").then().statusCode(200).body("id", equalTo(List.of(id)));
        Api.as(ws, "editor", "user:bob").delete("/v1/maintenance-windows/{id}", id).then().statusCode(200)
                .body("endedBy", equalTo("user:bob"));
        Api.as(ws, "editor").delete("/v1/maintenance-windows/{id}", id).then().statusCode(409);
        Api.as(ws, "viewer").get("/v1/maintenance-windows").then().body("id", hasSize(0));
        Api.as(ws, "viewer").queryParam("current", "false").get("/v1/maintenance-windows").then()
                .body("id", equalTo(List.of(id)));
        Api.as(AlertInboxTest.workspace("ac-mw-other"), "editor").delete("/v1/maintenance-windows/{id}", id).then()
                .statusCode(404);
        List<GenericRecord> windowChanges = changes(ws, "MAINTENANCE_WINDOW", 2);
        assertEquals(List.of("CREATED", "ENDED"), windowChanges.stream().map(r -> r.get("action").toString())
                .toList());
        assertEquals(Set.of("user:bob"), windowChanges.stream().map(r -> r.get("actor").toString())
                .collect(Collectors.toSet()));

        String body = "{\"startHour\":22,\"endHour\":7,\"timeZone\":\"%s\"}";
        Api.as(ws, "editor").contentType(ContentType.JSON).body(String.format(body, "Europe/Paris"))
                .put("/v1/teams/payments/quiet-hours").then().statusCode(403);
        Api.as(ws, "admin").contentType(ContentType.JSON).body(String.format(body, "Mars/Olympus"))
                .put("/v1/teams/payments/quiet-hours").then().statusCode(400).body("field", equalTo("timeZone"));
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"startHour\":24,\"endHour\":7,\"timeZone\":\"UTC\"}")
                .put("/v1/teams/payments/quiet-hours").then().statusCode(400).body("field", equalTo("startHour"));
        Api.as(ws, "viewer").get("/v1/teams/payments/quiet-hours").then().statusCode(404);
        Api.as(ws, "admin", "user:carol").contentType(ContentType.JSON).body(String.format(body, "Europe/Paris"))
                .put("/v1/teams/payments/quiet-hours").then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
        Api.as(ws, "viewer").get("/v1/teams/payments/quiet-hours").then().statusCode(200)
                .body("startHour", equalTo(22)).body("endHour", equalTo(7));
        Api.as(ws, "admin", "user:carol").delete("/v1/teams/payments/quiet-hours").then().statusCode(204);
        Api.as(ws, "admin").delete("/v1/teams/payments/quiet-hours").then().statusCode(404);
        List<GenericRecord> quietChanges = changes(ws, "QUIET_HOURS", 2);
        assertEquals(List.of("CREATED", "DELETED"), quietChanges.stream().map(r -> r.get("action").toString())
                .toList());
        quietChanges.forEach(r -> assertEquals("user:carol", r.get("actor").toString()));
        assertNotEquals(null, quietChanges.get(1).get("before"));
    }

    @Test
    void aWorkspaceHasAtMostAHundredWindowsNotYetOver() {
        String ws = AlertInboxTest.workspace("ac-cap");
        String body = "{\"event\":\"E%d\",\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}";
        String last = null;
        for (int i = 0; i < 100; i++) {
            last = Api.as(ws, "editor").contentType(ContentType.JSON).body(String.format(body, i))
                    .post("/v1/maintenance-windows").then().statusCode(201).extract().jsonPath().getString("id");
        }
        Api.as(ws, "editor").contentType(ContentType.JSON).body(String.format(body, 100))
                .post("/v1/maintenance-windows").then().statusCode(409).body("code", equalTo("TOO_MANY_WINDOWS"));
        // Ending one makes room again.
        Api.as(ws, "editor").delete("/v1/maintenance-windows/{id}", last).then().statusCode(200);
        Api.as(ws, "editor").contentType(ContentType.JSON).body(String.format(body, 100))
                .post("/v1/maintenance-windows").then().statusCode(201);
    }

    @Test
    void theInboxTablesShowTheApplicationOnlyItsWorkspacesRows() throws Exception {
        String a = AlertInboxTest.workspace("ac-rls-a");
        String b = AlertInboxTest.workspace("ac-rls-b");
        String id = open(a, "r-1", "Secret Event", AlertSeverity.LOW);
        Api.as(a, "editor").post("/v1/alerts/{id}/acknowledge", id).then().statusCode(200);
        Api.as(a, "editor").contentType(ContentType.JSON).body("{\"startsAt\":\"" + Instant.now() + "\",\"endsAt\":\""
                + Instant.now().plusSeconds(600) + "\"}").post("/v1/maintenance-windows").then().statusCode(201);
        Api.as(a, "admin").contentType(ContentType.JSON).body("{\"startHour\":1,\"endHour\":2,\"timeZone\":\"UTC\"}")
                .put("/v1/teams/ops/quiet-hours").then().statusCode(200);
        List<String> tables = List.of("alert_incident", "alert_record", "alert_action", "maintenance_window",
                "team_quiet_hours");
        try (Connection app = Db.app()) {
            app.setAutoCommit(false);
            for (String table : tables) {
                assertEquals(0, count(app, table, a), table + " without a workspace setting");
            }
            try (var statement = app.createStatement()) {
                statement.execute("select set_config('uip.workspace', '" + b + "', true)");
            }
            for (String table : tables) {
                assertEquals(0, count(app, table, a), table + " under another workspace's setting");
            }
            app.rollback();
            try (var statement = app.createStatement()) {
                statement.execute("select set_config('uip.workspace', '" + a + "', true)");
            }
            for (String table : tables) {
                assertEquals(1, count(app, table, a), table + " under its own workspace's setting");
            }
            app.rollback();
        }
    }

    private static int count(Connection connection, String table, String workspace) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from " + table
                + " where workspace_id = ?")) {
            query.setString(1, workspace);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
