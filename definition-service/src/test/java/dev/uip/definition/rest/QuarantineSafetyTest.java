package dev.uip.definition.rest;

import static dev.uip.definition.rest.QuarantineBrowseTest.in;
import static dev.uip.definition.rest.QuarantineBrowseTest.post;
import static dev.uip.definition.rest.QuarantineKafka.quarantine;
import static dev.uip.definition.rest.QuarantineKafka.quarantined;
import static dev.uip.definition.rest.QuarantineKafka.track;
import static dev.uip.definition.rest.QuarantineKafka.violation;
import static dev.uip.definition.rest.QuarantineReleaseTest.awaitStored;
import static dev.uip.definition.rest.QuarantineReleaseTest.releases;
import static dev.uip.definition.rest.QuarantineReleaseTest.unplannedCoupon;
import static dev.uip.definition.rest.QuarantineReleaseTest.workspace;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.QuarantineReason;

/**
 * What keeps the quarantine safe: a release without an outcome is published again, the open-row cap counts what it
 * turns away, and auto-release releases a definition's schema violations when it publishes a new version.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class QuarantineSafetyTest {

    @Test
    void aReleaseWithoutAnOutcomeIsPublishedAgain() throws Exception {
        String ws = workspace("qs");
        quarantine(unplannedCoupon(track(ws, "p1", "Order Placed", "{\"coupon\": 1}")));
        awaitStored(ws, 1);
        String releaseId = post(ws, "/v1/quarantine/release", "{\"messageIds\": [\"p1\"]}").then().statusCode(200)
                .extract().path("releaseId");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> releases(releaseId).size() == 1);

        // No outcome for longer than uip.quarantine.relay.resend-after: the relay publishes the release again.
        owner("update quarantined_events set release_sent_at = now() - interval '1 hour' where workspace_id = ?"
                + " and message_id = 'p1'", ws);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> releases(releaseId).size() == 2);
        // A crash after the commit and before publishing leaves release_sent_at null: published on the next poll.
        owner("update quarantined_events set release_sent_at = null where workspace_id = ? and message_id = 'p1'",
                ws);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> releases(releaseId).size() == 3);
        in(ws).get("/v1/quarantine/releases/" + releaseId).then().body("pending", equalTo(1));
    }

    @Test
    void theCapCountsWhatItDoesNotStore() throws Exception {
        String ws = workspace("qc");
        owner("insert into quarantine_usage (workspace_id, open_rows) values (?, 999999)", ws);
        quarantine(unplannedCoupon(track(ws, "c1", "Order Placed", "{}")));
        awaitStored(ws, 1);
        // Keys spread over partitions, so which of several events takes the last room is not defined: one at a time.
        quarantine(unplannedCoupon(track(ws, "c2", "Order Placed", "{}")),
                unplannedCoupon(track(ws, "c3", "Order Placed", "{}")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> in(ws).get("/v1/quarantine/summary")
                .then().body("notStored", equalTo(2)));
        // At the cap, a redelivery of a stored event is a duplicate, not an event turned away.
        quarantine(unplannedCoupon(track(ws, "c1", "Order Placed", "{}")),
                unplannedCoupon(track(ws, "c5", "Order Placed", "{}")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> in(ws).get("/v1/quarantine/summary")
                .then().body("notStored", equalTo(3)));
        in(ws).get("/v1/quarantine/summary").then().body("openRows", equalTo(1_000_000)).body("total", equalTo(1))
                .body("cap", equalTo(1_000_000));
        in(ws).get("/v1/quarantine").then().body("items.messageId", equalTo(java.util.List.of("c1")));

        // A discard frees room: the next event is stored.
        post(ws, "/v1/quarantine/discard", "{\"messageIds\": [\"c1\"], \"reason\": \"noise\"}").then()
                .body("count", equalTo(1));
        quarantine(unplannedCoupon(track(ws, "c4", "Order Placed", "{}")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> in(ws).get("/v1/quarantine/c4").then()
                .statusCode(200));
        in(ws).get("/v1/quarantine/summary").then().body("notStored", equalTo(3)).body("openRows",
                equalTo(1_000_000));
    }

    @Test
    void autoReleaseReleasesSchemaViolationsWhenANewVersionIsPublished() {
        String ws = workspace("qa");
        String body = """
                {"name": "%s", "autoRelease": %s, "properties": [%s{"name": "amount", "type": "number"}]}""";
        in(ws).contentType("application/json").body(body.formatted("Order Placed", "true", "")).post(
                "/v1/definitions").then().statusCode(201).body("autoRelease", equalTo(true));
        in(ws).contentType("application/json").body(body.formatted("Cart Viewed", "false", "")).post(
                "/v1/definitions").then().statusCode(201).body("autoRelease", equalTo(false));
        quarantine(unplannedCoupon(track(ws, "a1", "Order Placed", "{\"coupon\": \"X\"}")),
                quarantined(track(ws, "a2", "Order Placed", "{}"), QuarantineReason.ARCHIVED_EVENT, Instant.now(),
                        violation("event", "ARCHIVED_EVENT", "archived")),
                unplannedCoupon(track(ws, "a3", "Cart Viewed", "{\"coupon\": \"X\"}")));
        awaitStored(ws, 3);

        String coupon = "{\"name\": \"coupon\", \"type\": \"string\"},";
        // An update that leaves the option out keeps it.
        in(ws).contentType("application/json").body("""
                {"name": "Order Placed", "properties": [%s{"name": "amount", "type": "number"}]}""".formatted(coupon))
                .put("/v1/definitions/Order Placed").then().statusCode(200).body("autoRelease", equalTo(true))
                .body("publishedVersion", equalTo(2));
        in(ws).contentType("application/json").body(body.formatted("Cart Viewed", "false", coupon))
                .put("/v1/definitions/Cart Viewed").then().statusCode(200).body("publishedVersion", equalTo(2));

        in(ws).get("/v1/quarantine/a1").then().body("status", equalTo("RELEASING"))
                .body("actor", equalTo("auto-release"));
        String releaseId = in(ws).get("/v1/quarantine/a1").then().extract().path("operationId");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> releases(releaseId).size() == 1);
        assertEquals("auto-release", releases(releaseId).get(0).value().get("actor").toString());
        // Only schema violations of the definition that opted in.
        in(ws).get("/v1/quarantine/a2").then().body("status", equalTo("QUARANTINED"));
        in(ws).get("/v1/quarantine/a3").then().body("status", equalTo("QUARANTINED"));
    }

    private static void owner(String sql, String workspace) throws Exception {
        try (Connection connection = Db.owner(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, workspace);
            statement.executeUpdate();
        }
    }
}
