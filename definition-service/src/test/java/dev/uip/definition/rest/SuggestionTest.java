package dev.uip.definition.rest;

import static dev.uip.definition.rest.SuggestionKafka.sample;
import static dev.uip.definition.rest.SuggestionKafka.samples;
import static dev.uip.definition.rest.SuggestionKafka.stats;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.suggestion.service.SuggestionPurge;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.RawUsageEvent;

/**
 * Suggestions from live traffic on the real stack: samples and stats produced onto their topics become unplanned
 * events ranked by volume with an inferred proposal, adoptable as a draft once; redeliveries and caps hold.
 * The test profile caps samples per event at 20 and events per workspace at 5.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class SuggestionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    SuggestionPurge purge;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    @Test
    void rankedByVolumeWithProposalsAndAdoptedOnce() {
        String ws = workspace("sg");
        stats(SuggestionKafka.stats(ws, "Report Exported", now.minus(5, ChronoUnit.MINUTES), 40, 0),
                SuggestionKafka.stats(ws, "Report Exported", now.minus(6, ChronoUnit.MINUTES), 30, 0),
                SuggestionKafka.stats(ws, "Report Exported", now.minus(3, ChronoUnit.DAYS), 100, 0),
                SuggestionKafka.stats(ws, "Invoice Sent", now.minus(10, ChronoUnit.MINUTES), 0, 500),
                SuggestionKafka.stats(ws, "Button Clicked", now.minus(2, ChronoUnit.MINUTES), 5, 0));
        samples(sample(ws, "r-1", "Report Exported", "{\"format\":\"csv\",\"rows\":10}", now.minusSeconds(30)),
                sample(ws, "r-2", "Report Exported", "{\"format\":\"pdf\",\"rows\":12}", now.minusSeconds(20)),
                sample(ws, "r-3", "Report Exported", "{\"format\":\"csv\",\"rows\":\"many\"}", now.minusSeconds(10)),
                sample(ws, "b-1", "Button Clicked", "{\"id\":\"b1\"}", now.minusSeconds(10)),
                sample(ws, "b-2", "Button Clicked", "{\"id\":\"b2\"}", now.minusSeconds(5)));
        // A workspace with a strict policy: its unplanned events are quarantined, and those are its samples.
        RawUsageEvent i1 = sample(ws, "i-1", "Invoice Sent", "{\"amount\":10.5}", now.minusSeconds(40));
        RawUsageEvent i2 = sample(ws, "i-2", "Invoice Sent", "{\"amount\":12}", now.minusSeconds(30));
        QuarantineKafka.quarantine(
                QuarantineKafka.quarantined(i1, QuarantineReason.UNKNOWN_EVENT, now, QuarantineKafka.violation(
                        "event", "UNKNOWN_EVENT", "no published definition")),
                QuarantineKafka.quarantined(i2, QuarantineReason.UNKNOWN_EVENT, now, QuarantineKafka.violation(
                        "event", "UNKNOWN_EVENT", "no published definition")));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> in(ws).get("/v1/suggestions").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.event", equalTo(List.of("Invoice Sent", "Report Exported", "Button Clicked")))
                .body("items.sampleCount", equalTo(List.of(2, 3, 2)))
                .body("items[1].volume.last24h", equalTo(70)));

        in(ws).get("/v1/suggestions").then()
                .body("items[0].volume.last7d", equalTo(500)).body("items[0].volume.quarantined7d", equalTo(500))
                .body("items[0].volume.unplanned7d", equalTo(0))
                .body("items[1].volume.last7d", equalTo(170)).body("items[1].volume.unplanned7d", equalTo(170))
                .body("items[1].firstSeen", equalTo(now.minus(3, ChronoUnit.DAYS).toString()))
                .body("items[0].adoptable", equalTo(true))
                .body("items[0].proposal.properties.name", equalTo(List.of("amount")))
                .body("items[0].proposal.properties[0].type", equalTo("number"))
                // The same inference as POST /v1/definitions/infer: 'rows' is an integer twice and a string once.
                .body("items[1].adoptable", equalTo(false))
                .body("items[1].conflicts.path", equalTo(List.of("properties.rows")))
                .body("items[1].conflicts[0].types.type", equalTo(List.of("integer", "string")))
                .body("items[1].proposal.properties.name", equalTo(List.of("format", "rows")))
                .body("items[2].proposal.properties[0].type", equalTo("string"))
                .body("notTracked", equalTo(0));
        in(ws).get("/v1/suggestions/Report Exported").then().statusCode(200)
                .body("recentSamples.messageId", equalTo(List.of("r-3", "r-2", "r-1")))
                .body("recentSamples[0].payload.properties.rows", equalTo("many"));

        // Adopting needs a type for the conflicting path; a path the proposal lacks is a 400.
        in(ws).post("/v1/suggestions/Report Exported/adopt").then().statusCode(409)
                .body("code", equalTo("SAMPLES_CONFLICT")).body("reasons[0]", containsString("properties.rows"));
        in(ws).contentType(ContentType.JSON).body("{\"types\":{\"properties.nope\":\"string\"}}")
                .post("/v1/suggestions/Report Exported/adopt").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        in(ws).contentType(ContentType.JSON).body("{\"ownerTeam\":\"growth\",\"description\":\"legacy export\","
                + "\"types\":{\"properties.rows\":\"integer\"}}").post("/v1/suggestions/Report Exported/adopt")
                .then().statusCode(200).body("definition.status", equalTo("draft"))
                .body("definition.ownerTeam", equalTo("growth"))
                .body("definition.description", equalTo("legacy export"))
                .body("definition.properties.name", equalTo(List.of("format", "rows")))
                .body("definition.properties[1].type", equalTo("integer"))
                .body("quarantined", equalTo(0));
        in(ws).get("/v1/definitions/Report Exported").then().statusCode(200).body("status", equalTo("draft"));

        // A page of the same name is another definition: the track event stays suggested.
        in(ws).contentType(ContentType.JSON).body("{\"name\":\"Button Clicked\",\"callType\":\"page\"}")
                .post("/v1/definitions").then().statusCode(201);
        // Once defined (of any status) it is no longer suggested, and a second adoption is a conflict.
        in(ws).get("/v1/suggestions").then().body("items.event", equalTo(List.of("Invoice Sent", "Button Clicked")))
                .body("total", equalTo(2));
        in(ws).get("/v1/suggestions/Button Clicked").then().statusCode(200);
        in(ws).get("/v1/suggestions/Report Exported").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        in(ws).post("/v1/suggestions/Report Exported/adopt").then().statusCode(409)
                .body("code", equalTo("DEFINITION_EXISTS"));

        // The quarantined samples' event: adopted as is, with a pointer to its quarantined events.
        in(ws).post("/v1/suggestions/Invoice Sent/adopt").then().statusCode(200)
                .body("definition.properties[0].type", equalTo("number")).body("quarantined", equalTo(2))
                .body("next", containsString("UNKNOWN_EVENT"));
        in(ws).post("/v1/suggestions/Never Seen/adopt").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // Row-level security: another workspace sees none of it.
        in(workspace("other")).get("/v1/suggestions/Button Clicked").then().statusCode(404);
    }

    @Test
    void redeliveriesCountOnce() throws SQLException {
        String ws = workspace("sr");
        RawUsageEvent a = sample(ws, "a-1", "Plan Upgraded", "{\"plan\":\"pro\"}", now.minusSeconds(60));
        RawUsageEvent b = sample(ws, "a-2", "Plan Upgraded", "{\"plan\":\"team\"}", now.minusSeconds(50));
        samples(a, b);
        stats(SuggestionKafka.stats(ws, "Plan Upgraded", now.minus(3, ChronoUnit.MINUTES), 7, 2));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> in(ws).get("/v1/suggestions/Plan Upgraded").then()
                .statusCode(200).body("sampleCount", equalTo(2)).body("volume.last24h", equalTo(9)));

        // The same records again, then one new record on the same partition: once it shows, the copies were read.
        samples(a, b, sample(ws, "a-3", "Plan Upgraded", "{\"plan\":\"free\"}", now.minusSeconds(40)));
        stats(SuggestionKafka.stats(ws, "Plan Upgraded", now.minus(3, ChronoUnit.MINUTES), 7, 2),
                SuggestionKafka.stats(ws, "Plan Upgraded", now.minus(4, ChronoUnit.MINUTES), 1, 0));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> in(ws).get("/v1/suggestions/Plan Upgraded").then()
                .statusCode(200).body("sampleCount", equalTo(3)).body("volume.last24h", equalTo(10))
                .body("volume.unplanned7d", equalTo(8)).body("volume.quarantined7d", equalTo(2)));
        rowLevelSecurity(ws);
    }

    /** The new tables show the application role only the rows of the workspace its transaction names. */
    private static void rowLevelSecurity(String ws) throws SQLException {
        String[] tables = {"unplanned_event", "unplanned_sample", "unplanned_volume", "suggestion_usage"};
        try (Connection app = Db.app()) {
            app.setAutoCommit(false);
            for (String table : tables) {
                assertEquals(List.of(), workspaces(app, table), table);
            }
            set(app, "someone-else");
            for (String table : tables) {
                assertEquals(List.of(), workspaces(app, table), table);
            }
            app.rollback();
            set(app, ws);
            for (String table : tables) {
                assertEquals(List.of(ws), workspaces(app, table), table);
            }
            try (Statement statement = app.createStatement()) {
                assertThrows(SQLException.class, () -> statement.execute("insert into unplanned_event (workspace_id,"
                        + " event_name, first_seen, last_seen) values ('someone-else', 'x', now(), now())"));
            }
            app.rollback();
        }
    }

    private static void set(Connection app, String ws) throws SQLException {
        try (Statement statement = app.createStatement()) {
            statement.execute("select set_config('uip.workspace', '" + ws + "', true)");
        }
    }

    private static List<String> workspaces(Connection app, String table) throws SQLException {
        List<String> seen = new ArrayList<>();
        try (Statement statement = app.createStatement();
                ResultSet rows = statement.executeQuery("select distinct workspace_id from " + table)) {
            while (rows.next()) {
                seen.add(rows.getString(1));
            }
        }
        return seen;
    }

    @Test
    void boundsHold() {
        String ws = workspace("sb");
        // At most 20 samples per event (test profile): the newest stay.
        RawUsageEvent[] many = new RawUsageEvent[25];
        for (int i = 0; i < many.length; i++) {
            many[i] = sample(ws, String.format("m-%02d", i), "Page Scrolled", "{\"depth\":" + i + "}",
                    now.minusSeconds(100 - i));
        }
        samples(many);
        // Too large, too old or badly named samples are left out; the last one marks that all were read.
        samples(sample(ws, "big", "Sized", "{\"blob\":\"" + "x".repeat(40_000) + "\"}", now),
                sample(ws, "old", "Sized", "{\"n\":1}", now.minus(8, ChronoUnit.DAYS)),
                sample(ws, "bad", "x".repeat(201), "{}", now),
                sample(ws, "ok", "Sized", "{\"n\":2}", now));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            in(ws).get("/v1/suggestions/Page Scrolled").then().statusCode(200).body("sampleCount", equalTo(20))
                    .body("recentSamples.messageId", equalTo(List.of("m-24", "m-23", "m-22", "m-21", "m-20")));
            in(ws).get("/v1/suggestions/Sized").then().statusCode(200).body("sampleCount", equalTo(1))
                    .body("recentSamples.messageId", equalTo(List.of("ok")));
        });

        // At most 5 events per workspace (test profile): 3 more than the 2 tracked fit, the rest is counted.
        stats(SuggestionKafka.stats(ws, "E1", now.minus(1, ChronoUnit.MINUTES), 50, 0),
                SuggestionKafka.stats(ws, "E2", now.minus(1, ChronoUnit.MINUTES), 40, 0),
                SuggestionKafka.stats(ws, "E3", now.minus(1, ChronoUnit.MINUTES), 30, 0),
                SuggestionKafka.stats(ws, "E4", now.minus(1, ChronoUnit.MINUTES), 20, 0),
                SuggestionKafka.stats(ws, "E5", now.minus(1, ChronoUnit.MINUTES), 10, 0));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> in(ws).get("/v1/suggestions").then()
                .body("total", equalTo(5)).body("notTracked", equalTo(2)));
        // Known events still get their samples and volumes.
        stats(SuggestionKafka.stats(ws, "Page Scrolled", now.minus(2, ChronoUnit.MINUTES), 1000, 0));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> in(ws).get("/v1/suggestions").then()
                .body("items[0].event", equalTo("Page Scrolled")).body("items[0].volume.last24h", equalTo(1000)));
    }

    @Test
    void dismissedOldAndBadRequests() {
        String ws = workspace("sd");
        Instant old = now.minus(Duration.ofHours(6 * 24 + 12));
        samples(sample(ws, "o-1", "Legacy Ping", "{\"v\":1}", old),
                sample(ws, "n-1", "Tab Opened", "{\"tab\":\"a\"}", now));
        stats(SuggestionKafka.stats(ws, "Legacy Ping", old, 3, 0));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> in(ws).get("/v1/suggestions").then()
                .body("total", equalTo(2)).body("items.event", equalTo(List.of("Legacy Ping", "Tab Opened"))));

        // Dismissed: out of the list until restored.
        in(ws).post("/v1/suggestions/Tab Opened/dismiss").then().statusCode(200).body("dismissed", equalTo(true));
        in(ws).get("/v1/suggestions").then().body("items.event", equalTo(List.of("Legacy Ping")));
        in(ws).get("/v1/suggestions?dismissed=true").then().body("items.event", equalTo(List.of("Tab Opened")))
                .body("items[0].dismissedAt", org.hamcrest.Matchers.notNullValue());
        in(ws).post("/v1/suggestions/Tab Opened/restore").then().statusCode(200);
        in(ws).get("/v1/suggestions").then().body("total", equalTo(2));
        in(ws).post("/v1/suggestions/Nothing/dismiss").then().statusCode(404);

        // The purge forgets what is older than the age (here: 6 days).
        Integer gone = purge.purge(Instant.now().minus(Duration.ofDays(6))).await().atMost(WAIT);
        assertTrue(gone >= 3, "purged " + gone);
        in(ws).get("/v1/suggestions").then().body("items.event", equalTo(List.of("Tab Opened")));
        in(ws).get("/v1/suggestions/Legacy Ping").then().statusCode(404);

        // Bad input is a 400 with the JSON error body, never a 500.
        in(ws).get("/v1/suggestions?size=0").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("field", equalTo("size"));
        in(ws).get("/v1/suggestions?page=x").then().statusCode(400).body("field", equalTo("page"));
        in(ws).get("/v1/suggestions?dismissed=maybe").then().statusCode(400).body("field", equalTo("dismissed"));
        in(ws).get("/v1/suggestions/" + "y".repeat(201)).then().statusCode(400).body("field", equalTo("event"));
        in(ws).contentType(ContentType.JSON).body("{").post("/v1/suggestions/Tab Opened/adopt").then()
                .statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        in(ws).contentType(ContentType.JSON).body("{\"types\":{\"properties.tab\":\"colour\"}}")
                .post("/v1/suggestions/Tab Opened/adopt").then().statusCode(400).body("field", equalTo("types"));
        in(ws).contentType(ContentType.JSON).body("{\"types\":[1]}").post("/v1/suggestions/Tab Opened/adopt")
                .then().statusCode(400);
        in(ws).get("/v1/suggestions").then().body("items", hasSize(1));
    }

    private static String workspace(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification in(String workspace) {
        return Api.as(workspace, "editor", "user:erin");
    }
}
