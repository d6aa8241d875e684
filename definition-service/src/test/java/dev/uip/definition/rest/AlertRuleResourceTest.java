package dev.uip.definition.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.stack.Topics;

/** Alert rules over REST on the real stack: versions, conditional writes, deletion, isolation and the Kafka records. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AlertRuleResourceTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String RULE = "/v1/events/{event}/rules/{kind}";

    static RequestSpecification as(String workspace) {
        return Api.as(workspace, "editor", "user:erin")
                .contentType(ContentType.JSON);
    }

    static String workspace() {
        return "rules-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRuleIsCreatedChangedDeletedAndCreatedAgainAsVersions() {
        String ws = workspace();
        String event = "Signup Completed " + UUID.randomUUID().toString().substring(0, 8);
        as(ws).body("{\"sensitivity\":\"high\",\"minVolume\":5,\"windowMinutes\":5,\"severity\":\"critical\"}")
                .put(RULE, event, "drop").then().statusCode(201).header("ETag", "\"1\"")
                .header("Location", endsWith("/rules/drop?callType=track"))
                .body("workspaceId", equalTo(ws)).body("callType", equalTo("track")).body("event", equalTo(event))
                .body("kind", equalTo("drop")).body("enabled", equalTo(true)).body("sensitivity", equalTo("high"))
                .body("minVolume", equalTo(5.0f)).body("windowMinutes", equalTo(5))
                .body("severity", equalTo("critical")).body("threshold", nullValue())
                .body("version", equalTo(1)).body("deleted", equalTo(false)).body("actor", equalTo("user:erin"));
        as(ws).get(RULE, event, "DROP").then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));

        // A PUT is the whole rule: what it leaves out takes its default again.
        as(ws).header("If-Match", "\"1\"").body("{\"enabled\":false}").put(RULE, event, "drop").then()
                .statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2)).body("enabled", equalTo(false))
                .body("sensitivity", equalTo("medium")).body("severity", nullValue());
        // A write planned on an older version, or as a create, is refused and changes nothing.
        as(ws).header("If-Match", "\"1\"").body("{}").put(RULE, event, "drop").then().statusCode(409)
                .body("code", equalTo("VERSION_MISMATCH")).body("message", containsString("version 2"));
        as(ws).body("{}").put(RULE + "?expectedVersion=0", event, "drop").then().statusCode(409)
                .body("code", equalTo("VERSION_MISMATCH"));
        as(ws).get(RULE, event, "drop").then().body("version", equalTo(2));

        as(ws).header("If-Match", "1").delete(RULE, event, "drop").then().statusCode(409)
                .body("code", equalTo("VERSION_MISMATCH"));
        as(ws).header("If-Match", "\"2\"").delete(RULE, event, "drop").then().statusCode(200)
                .body("deleted", equalTo(true)).body("version", equalTo(3));
        as(ws).get(RULE, event, "drop").then().statusCode(404).body("code", equalTo("NOT_FOUND"))
                .body("message", containsString("the default applies"));
        as(ws).delete(RULE, event, "drop").then().statusCode(404);
        as(ws).get("/v1/rules?event={event}", event).then().statusCode(200).body("total", equalTo(0));

        // Created again: the version count goes on, and the history keeps every version's whole rule.
        as(ws).body("{\"windowMinutes\":15}").put(RULE + "?expectedVersion=0", event, "drop").then()
                .statusCode(201).body("version", equalTo(4)).body("deleted", equalTo(false));
        as(ws).get(RULE + "/versions", event, "drop").then().statusCode(200).body("total", equalTo(4))
                .body("items.version", contains(1, 2, 3, 4))
                .body("items.action", contains("CREATED", "UPDATED", "DELETED", "CREATED"))
                .body("items.deleted", contains(false, false, true, false))
                .body("items[0].rule.sensitivity", equalTo("high")).body("items[1].rule.enabled", equalTo(false))
                .body("items[3].rule.windowMinutes", equalTo(15)).body("items[0].createdBy", equalTo("user:erin"));
        as(ws).get(RULE + "/versions?size=2&page=1", event, "drop").then().body("items.version", contains(3, 4));

        // A page of the same name is another series, so another rule; the list filters by each part of the key.
        as(ws).body("{\"quietHours\":{\"startHour\":22,\"endHour\":6,\"timeZone\":\"Europe/Berlin\"}}")
                .put(RULE + "?callType=page", event, "stopped").then().statusCode(201)
                .header("Location", endsWith("/rules/stopped?callType=page"))
                .body("callType", equalTo("page")).body("quietHours.timeZone", equalTo("Europe/Berlin"));
        as(ws).get(RULE, event, "stopped").then().statusCode(404);
        as(ws).get("/v1/rules?event={event}", event).then().body("total", equalTo(2))
                .body("items.callType", contains("page", "track"));
        as(ws).get("/v1/rules?event={event}&callType=page", event).then().body("items.kind", contains("stopped"));
        as(ws).get("/v1/rules?kind=drop").then().body("items.event", contains(event));
        as(ws).get("/v1/rules?enabled=false").then().body("total", equalTo(0));
        as(ws).get("/v1/events/{event}/rules?callType=page", event).then().body("items.kind", contains("stopped"));
    }

    @Test
    void everyChangeReachesAlertRulesAndDefinitionChanges() {
        String ws = workspace();
        String event = "Invoice Paid";
        as(ws).body("{\"threshold\":100,\"windowMinutes\":60,\"sensitivity\":\"low\"}").put(RULE, event, "above")
                .then().statusCode(201);
        as(ws).body("{\"threshold\":250.5,\"windowMinutes\":60,\"quietHours\":{\"startHour\":1,\"endHour\":5}}")
                .put(RULE, event, "above").then().statusCode(200);
        as(ws).delete(RULE, event, "above").then().statusCode(200);

        List<ConsumerRecord<String, GenericRecord>> states = Awaitility.await().atMost(PATIENCE)
                .until(() -> sorted(TopicReader.keyed(Topics.ALERT_RULES, r -> ws.equals(str(r, "workspaceId")))),
                        found -> found.size() == 3);
        for (ConsumerRecord<String, GenericRecord> state : states) {
            assertEquals(ws + "/TRACK/Invoice Paid/ABOVE", state.key());
        }
        GenericRecord first = states.get(0).value();
        assertEquals("TRACK", str(first, "callType"));
        assertEquals("ABOVE", str(first, "kind"));
        assertEquals("Invoice Paid", str(first, "event"));
        assertEquals(100.0, first.get("threshold"));
        assertEquals(60, first.get("windowMinutes"));
        assertEquals("LOW", str(first, "sensitivity"));
        assertEquals(true, first.get("enabled"));
        assertNull(first.get("quietHours"));
        assertNull(first.get("percent"));
        assertNull(first.get("severity"));
        assertEquals("user:erin", str(first, "actor"));
        assertEquals(false, first.get("deleted"));
        GenericRecord second = states.get(1).value();
        assertEquals(250.5, second.get("threshold"));
        assertEquals("MEDIUM", str(second, "sensitivity"));
        GenericRecord quiet = (GenericRecord) second.get("quietHours");
        assertEquals(List.of(1, 5, "UTC"), List.of(quiet.get("startHour"), quiet.get("endHour"),
                quiet.get("timeZone").toString()));
        GenericRecord deleted = states.get(2).value();
        assertEquals(3, deleted.get("version"));
        assertEquals(true, deleted.get("deleted"));

        List<GenericRecord> changes = Awaitility.await().atMost(PATIENCE)
                .until(() -> TopicReader.records(Topics.DEFINITION_CHANGES, r -> ws.equals(str(r, "workspaceId"))
                        && "ALERT_RULE".equals(str(r, "entityType"))).stream()
                        .sorted(Comparator.comparingInt(r -> (Integer) r.get("version"))).toList(),
                        found -> found.size() == 3);
        assertEquals(List.of("CREATED", "UPDATED", "DELETED"), changes.stream().map(r -> str(r, "action")).toList());
        for (GenericRecord change : changes) {
            assertEquals("TRACK/Invoice Paid/ABOVE", str(change, "entityId"));
            assertEquals("user:erin", str(change, "actor"));
        }
        assertNull(changes.get(0).get("before"));
        assertTrue(str(changes.get(0), "after").contains("\"threshold\":100.0"), str(changes.get(0), "after"));
        assertTrue(str(changes.get(1), "before").contains("\"threshold\":100.0"));
        assertTrue(str(changes.get(1), "after").contains("\"threshold\":250.5"));
        assertTrue(str(changes.get(2), "before").contains("\"deleted\":false"));
        assertTrue(str(changes.get(2), "after").contains("\"deleted\":true"));
    }

    @Test
    void identifyGroupAndAliasRulesHaveNoEvent() {
        String ws = workspace();
        as(ws).body("{\"threshold\":1000,\"windowMinutes\":60}").put("/v1/calls/identify/rules/below").then()
                .statusCode(201).header("Location", endsWith("/v1/calls/identify/rules/below"))
                .body("callType", equalTo("identify")).body("event", equalTo("")).body("threshold", equalTo(1000.0f));
        as(ws).get("/v1/calls/IDENTIFY/rules/below").then().statusCode(200).body("version", equalTo(1));
        // If-Match: * changes a rule only if one is in effect.
        as(ws).header("If-Match", "*").body("{}").put("/v1/calls/alias/rules/stopped").then().statusCode(409)
                .body("code", equalTo("VERSION_MISMATCH"));
        as(ws).body("{}").put("/v1/calls/alias/rules/stopped").then().statusCode(201);
        as(ws).header("If-Match", "*").body("{}").put("/v1/calls/alias/rules/stopped").then().statusCode(200)
                .body("version", equalTo(2));
        as(ws).get("/v1/rules?callType=identify").then().body("items.kind", contains("below"));
        as(ws).delete("/v1/calls/alias/rules/stopped").then().statusCode(200);
        as(ws).get("/v1/calls/alias/rules/stopped/versions").then().body("items.action", contains("CREATED",
                "UPDATED", "DELETED"));
        as(ws).get("/v1/calls/group/rules/stopped").then().statusCode(404);
        List<ConsumerRecord<String, GenericRecord>> states = Awaitility.await().atMost(PATIENCE)
                .until(() -> TopicReader.keyed(Topics.ALERT_RULES, r -> ws.equals(str(r, "workspaceId"))),
                        found -> found.size() == 4);
        assertTrue(states.stream().anyMatch(r -> r.key().equals(ws + "/IDENTIFY//BELOW")), states.toString());
        assertTrue(states.stream().anyMatch(r -> r.key().equals(ws + "/ALIAS//STOPPED")
                && Boolean.TRUE.equals(r.value().get("deleted"))), states.toString());
    }

    @Test
    void anotherWorkspaceCannotSeeOrChangeARule() throws Exception {
        String a = workspace();
        String b = workspace();
        String event = "Checkout Started";
        // The service token decides the workspace.
        as(a).body("{\"sensitivity\":\"high\"}").put(RULE, event, "spike").then().statusCode(201)
                .body("workspaceId", equalTo(a));
        as(a).body("{}").put(RULE, event, "spike").then().statusCode(200).body("version", equalTo(2));

        as(b).get(RULE, event, "spike").then().statusCode(404);
        as(b).get(RULE + "/versions", event, "spike").then().statusCode(404);
        as(b).delete(RULE, event, "spike").then().statusCode(404);
        as(b).get("/v1/rules?event={event}", event).then().body("total", equalTo(0));
        as(b).header("If-Match", "\"2\"").body("{}").put(RULE, event, "spike").then().statusCode(409);
        // B's rule of the same key is B's own, from version 1; A's is untouched.
        as(b).body("{\"enabled\":false}").put(RULE, event, "spike").then().statusCode(201)
                .body("version", equalTo(1)).body("workspaceId", equalTo(b));
        Api.as(a, "viewer").get(RULE, event, "spike").then().statusCode(200)
                .body("version", equalTo(2)).body("enabled", equalTo(true));

        // Below the API too: the application's role sees no row of A within B's workspace.
        try (Connection app = Db.app()) {
            app.setAutoCommit(false);
            try (Statement statement = app.createStatement()) {
                statement.execute("select set_config('uip.workspace', '" + b + "', true)");
                for (String table : List.of("alert_rule", "alert_rule_version")) {
                    try (ResultSet rows = statement.executeQuery("select count(*) from " + table
                            + " where workspace_id = '" + a + "'")) {
                        rows.next();
                        assertEquals(0, rows.getInt(1), table);
                    }
                }
            }
            app.rollback();
        }
    }

    static String str(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    static List<ConsumerRecord<String, GenericRecord>> sorted(List<ConsumerRecord<String, GenericRecord>> found) {
        return found.stream().sorted(Comparator.comparingInt(r -> (Integer) r.value().get("version"))).toList();
    }
}
