package dev.uip.audit.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.audit.Chains;
import dev.uip.audit.Changes;
import dev.uip.schemas.DefinitionChanged;

/**
 * Queries over one workspace's trail on the real stack: filters by entity, event name, actor, action and time, cursor
 * pages by sequence, before/after diffs, CSV and NDJSON exports and timeline markers; a change of a second change
 * topic joins the same chain; bad parameters are 400s with a code.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class AuditQueryTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final String WORKSPACE = "ws-" + UUID.randomUUID();

    static boolean stored;

    // Once per class, but after Quarkus started (a static @BeforeAll runs before the HTTP port is known).
    @BeforeEach
    void trail() {
        if (stored) {
            return;
        }
        stored = true;
        send("EVENT_DEFINITION", "Signup", "CREATED", "alice", null, "{\"name\":\"Signup\",\"description\":\"a\"}", 0);
        send("EVENT_DEFINITION", "Signup", "UPDATED", "bob", "{\"name\":\"Signup\",\"description\":\"a\","
                + "\"tags\":[\"x\"]}", "{\"name\":\"Signup\",\"description\":\"b\",\"tags\":[\"x\",\"y\"]}", 60);
        send("ALERT_RULE", "TRACK/Signup/DROP", "CREATED", "alice", null, "{\"event\":\"Signup\",\"kind\":\"DROP\"}",
                120);
        send("QUARANTINE", "rel_1", "RELEASED", "carol", null, "{\"operation\":\"RELEASE\",\"filter\":{\"event\":"
                + "\"Signup\"},\"count\":3}", 180);
        send("EVENT_DEFINITION", "Checkout", "CREATED", "alice", null, "{\"name\":\"=cmd|' /C calc'!A0\"}", 240);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> entries(Map.of()).then().statusCode(200)
                .body("entries", hasSize(5)));
        // The last one through the second change topic: it takes the next sequence of the same chain.
        DefinitionChanged key = change("WRITE_KEY", "wk_1", "KEY_ISSUED", "dave", null, "{\"id\":\"wk_1\"}", 300);
        Changes.send(AuditStack.SECOND_CHANGE_TOPIC, key);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> entries(Map.of()).then().statusCode(200)
                .body("entries", hasSize(6)));
    }

    @Test
    void aSecondChangeTopicJoinsTheSameChain() throws Exception {
        entries(Map.of("entityType", "WRITE_KEY")).then().body("entries.sequence", equalTo(List.of(6)))
                .body("entries[0].eventName", nullValue());
        assertEquals(6, Chains.assertIntact(AuditStack.DATABASE, WORKSPACE));
    }

    @Test
    void filtersByEventNameEntityActorActionAndTime() {
        entries(Map.of("event", "Signup")).then().statusCode(200)
                .body("entries.sequence", equalTo(List.of(4, 3, 2, 1)))
                .body("entries.eventName", equalTo(List.of("Signup", "Signup", "Signup", "Signup")));
        entries(Map.of("actor", "alice", "entityType", "EVENT_DEFINITION")).then()
                .body("entries.sequence", equalTo(List.of(5, 1)));
        entries(Map.of("entityType", "EVENT_DEFINITION", "entityId", "Signup")).then()
                .body("entries.sequence", equalTo(List.of(2, 1)));
        entries(Map.of("action", "RELEASED")).then().body("entries.sequence", equalTo(List.of(4)));
        entries(Map.of("from", T0.plusSeconds(60).toString(), "to", T0.plusSeconds(240).toString())).then()
                .body("entries.sequence", equalTo(List.of(4, 3, 2)));
        entries(Map.of("actor", "nobody")).then().body("entries", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void pagesBackwardsByCursorToTheFirstEntry() {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = cursor == null
                    ? entries(Map.of("limit", "2"))
                    : entries(Map.of("limit", "2", "cursor", cursor));
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("entries.sequence", Integer.class));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of(6, 5, 4, 3, 2, 1), seen);
        assertEquals(3, pages);
    }

    @Test
    void eachEntryCarriesItsBeforeAfterDiff() {
        JsonPath updated = entries(Map.of("action", "UPDATED")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("/description", "/tags/1"), updated.getList("entries[0].diff.path"));
        assertEquals("a", updated.getString("entries[0].diff[0].before"));
        assertEquals("b", updated.getString("entries[0].diff[0].after"));
        assertNull(updated.get("entries[0].diff[1].before"));
        assertEquals("y", updated.getString("entries[0].diff[1].after"));
        assertEquals(false, updated.getBoolean("entries[0].diffTruncated"));
        JsonPath created = entries(Map.of("entityId", "Signup", "action", "CREATED")).then().extract().jsonPath();
        assertEquals(List.of("/description", "/name"), created.getList("entries[0].diff.path"));
    }

    @Test
    void exportsCsvAndNdjsonAsAttachments() {
        Response csv = Calls.asViewer(WORKSPACE).queryParam("format", "csv").get("/v1/audit/{w}/export", WORKSPACE);
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"));
        String[] lines = csv.asString().split("\r\n");
        assertEquals(7, lines.length, csv.asString());
        assertTrue(lines[0].startsWith("sequence,changeId,"), lines[0]);
        assertTrue(lines[1].startsWith("1,"), lines[1]);
        assertTrue(lines[6].startsWith("6,"), lines[6]);
        // A cell a spreadsheet would run as a formula is defused.
        assertTrue(lines[5].contains("\"{\"\"name\"\":\"\"=cmd|' /C calc'!A0\"\"}\""), lines[5]);

        Response ndjson = Calls.asViewer(WORKSPACE).queryParam("format", "ndjson").queryParam("event", "Signup")
                .get("/v1/audit/{w}/export", WORKSPACE);
        ndjson.then().statusCode(200).contentType(containsString("application/x-ndjson"))
                .header("Content-Disposition", containsString("attachment"));
        List<String> rows = ndjson.asString().lines().toList();
        assertEquals(4, rows.size(), ndjson.asString());
        for (int i = 0; i < rows.size(); i++) {
            JsonPath row = new JsonPath(rows.get(i));
            assertEquals(i + 1, row.getInt("sequence"));
            assertEquals("Signup", row.getString("eventName"));
        }
    }

    @Test
    void marksTheChangesThatTouchedAnEventInARange() {
        Calls.asViewer(WORKSPACE).queryParam("event", "Signup").queryParam("from", T0.plusSeconds(30).toString())
                .queryParam("to", T0.plusSeconds(600).toString()).get("/v1/audit/{w}/markers", WORKSPACE).then()
                .statusCode(200)
                .body("action", equalTo(List.of("UPDATED", "CREATED", "RELEASED")))
                .body("entityType", equalTo(List.of("EVENT_DEFINITION", "ALERT_RULE", "QUARANTINE")))
                .body("time", equalTo(List.of("2026-11-23T12:01:00Z", "2026-11-23T12:02:00Z",
                        "2026-11-23T12:03:00Z")))
                .body("actor", equalTo(List.of("bob", "alice", "carol")))
                .body("[0].summary", equalTo("bob UPDATED EVENT_DEFINITION Signup (changed /description, /tags/1)"));
        Calls.asViewer(WORKSPACE).queryParam("event", "Nothing").get("/v1/audit/{w}/markers", WORKSPACE).then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void refusesFiltersItCannotUse() {
        Map<Map<String, String>, String> bad = Map.of(
                Map.of("limit", "0"), "INVALID_LIMIT",
                Map.of("limit", "501"), "INVALID_LIMIT",
                Map.of("cursor", "not-a-cursor"), "INVALID_CURSOR",
                Map.of("from", "yesterday"), "INVALID_TIME",
                Map.of("to", "+999999999-12-31T23:59:59Z"), "INVALID_TIME",
                Map.of("from", T0.toString(), "to", T0.toString()), "INVALID_RANGE",
                Map.of("entityType", "x".repeat(513)), "INVALID_FILTER",
                Map.of("event", "a\u0001b"), "INVALID_FILTER");
        bad.forEach((params, code) -> entries(params).then().statusCode(400)
                .contentType(containsString("application/json")).body("code", equalTo(code)));
        Calls.asViewer(WORKSPACE).queryParam("format", "xml").get("/v1/audit/{w}/export", WORKSPACE).then()
                .statusCode(400).contentType(containsString("application/json"))
                .body("code", equalTo("INVALID_FORMAT"));
        Calls.asViewer(WORKSPACE).queryParam("from", "x").get("/v1/audit/{w}/export", WORKSPACE).then()
                .statusCode(400).body("code", equalTo("INVALID_TIME"));
        Calls.asViewer(WORKSPACE).get("/v1/audit/{w}/markers", WORKSPACE).then().statusCode(400)
                .body("code", equalTo("MISSING_EVENT"));
        for (String route : List.of("entries", "export", "markers")) {
            Calls.asViewer("other").queryParam("event", "Signup").get("/v1/audit/{w}/" + route, WORKSPACE).then()
                    .statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
    }

    static Response entries(Map<String, String> params) {
        return Calls.asViewer(WORKSPACE).queryParams(params).get("/v1/audit/{w}/entries", WORKSPACE);
    }

    static void send(String type, String id, String action, String actor, String before, String after, int at) {
        Changes.send(change(type, id, action, actor, before, after, at));
    }

    static DefinitionChanged change(String type, String id, String action, String actor, String before,
            String after, int at) {
        DefinitionChanged change = Changes.of(WORKSPACE, action, T0.plusSeconds(at));
        change.setEntityType(type);
        change.setEntityId(id);
        change.setActor(actor);
        change.setBefore(before);
        change.setAfter(after);
        return change;
    }
}
