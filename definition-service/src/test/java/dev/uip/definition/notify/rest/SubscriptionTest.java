package dev.uip.definition.notify.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.definition.notify.service.Digests;

/**
 * Change subscriptions on the real stack: "tell the owner team when a key event's definition changes or is archived"
 * (a TEAM subscription and the team's webhook), a subscription's own channel, and a daily digest.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class SubscriptionTest {

    final String ws = "nt-sub-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Digests digests;

    @Test
    void theOwnerTeamHearsWhenItsKeyEventIsArchived() throws Exception {
        Notify.workspace(ws);
        try (Receiver team = Receiver.ok(); Receiver other = Receiver.ok()) {
            Notify.webhook(ws, "payments hook", "payments", team.url("/t"));
            Notify.webhook(ws, "default hook", null, other.url("/d"));
            String subscription = subscribe("{\"scope\":\"TEAM\",\"team\":\"payments\",\"keyEventsOnly\":true,"
                    + "\"actions\":[\"ARCHIVED\",\"UPDATED\"]}").getString("id");
            Api.as(ws, "viewer").get("/v1/subscriptions").then().statusCode(200).body("size()", equalTo(1))
                    .body("[0].scope", equalTo("TEAM"));

            definition("Checkout", "payments", true);
            definition("Search", "payments", false);
            definition("Signup", "growth", true);
            for (String name : List.of("Checkout", "Search", "Signup")) {
                Api.as(ws, "editor").post("/v1/definitions/{name}/archive", name).then().statusCode(200);
            }

            String changeOfCheckout = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> Api.as(ws, "viewer").get("/v1/notifications?subjectType=EVENT_DEFINITION"
                            + "&subjectId=Checkout").then().statusCode(200).extract().jsonPath()
                            .getString("[0].id"), id -> id != null);
            assertTrue(changeOfCheckout.startsWith("change:") && changeOfCheckout.endsWith(":" + subscription),
                    changeOfCheckout);
            JsonPath settled = Notify.settled(ws, changeOfCheckout);
            assertEquals(List.of("payments hook"), settled.getList("deliveries.channelName"));
            assertEquals("DELIVERED", settled.getString("deliveries[0].status"));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> team.received().size() >= 1);
            JsonPath body = JsonPath.from(team.received().get(0).body());
            assertEquals("CHANGE", team.received().get(0).header("X-UIP-Kind"));
            assertEquals("ARCHIVED", body.getString("change.action"));
            assertEquals("Checkout", body.getString("change.entityId"));
            assertEquals(Api.actorOf(ws, "editor"), body.getString("change.actor"));
            assertEquals("payments", body.getString("ownerTeam"));
            assertEquals(subscription, body.getString("subscriptionId"));
            // Not a key event (Search), another team's (Signup), a creation (not in actions): nothing.
            Api.as(ws, "viewer").get("/v1/notifications?subjectType=EVENT_DEFINITION&subjectId=Search").then()
                    .body("size()", equalTo(0));
            Api.as(ws, "viewer").get("/v1/notifications?subjectType=EVENT_DEFINITION&subjectId=Signup").then()
                    .body("size()", equalTo(0));
            assertEquals(1, team.received().size());
            assertEquals(0, other.received().size());
        }
    }

    @Test
    void aDailySubscriptionCollectsChangesIntoOneDigestToItsChannel() throws Exception {
        Notify.workspace(ws);
        try (Receiver receiver = Receiver.ok(); Receiver fallback = Receiver.ok()) {
            String channel = Notify.webhook(ws, "digest hook", "somebody-else", receiver.url("/digest"));
            Notify.webhook(ws, "default hook", null, fallback.url("/d"));
            String subscription = subscribe("{\"scope\":\"EVENT\",\"eventName\":\"Refund\",\"digest\":\"DAILY\","
                    + "\"channelId\":\"" + channel + "\"}").getString("id");
            definition("Refund", "payments", false);
            Api.as(ws, "editor").post("/v1/definitions/{name}/archive", "Refund").then().statusCode(200);
            Api.as(ws, "editor").post("/v1/definitions/{name}/restore", "Refund").then().statusCode(200);
            Api.as(ws, "viewer").get("/v1/notifications?subjectType=EVENT_DEFINITION&subjectId=Refund").then()
                    .body("size()", equalTo(0));

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> digests.send(today).await()
                    .atMost(Duration.ofSeconds(30)) >= 1 || digest(subscription, today) != null);
            String id = "digest:" + subscription + ":" + today;
            JsonPath settled = Notify.settled(ws, id);
            assertEquals(List.of("digest hook"), settled.getList("deliveries.channelName"));
            assertEquals("UIP digest for " + today + ": 3 changes", settled.getString("title"));
            JsonPath body = JsonPath.from(receiver.received().get(0).body());
            assertEquals("DIGEST", body.getString("kind"));
            assertEquals(3, body.getList("changes").size());
            assertTrue(body.getString("changes[1]").startsWith("ARCHIVED EVENT_DEFINITION Refund by "),
                    body.getString("changes[1]"));
            // Sent once: a second run finds nothing left to collect.
            assertEquals(0, digests.send(today).await().atMost(Duration.ofSeconds(30)));
            assertEquals(1, receiver.received().size());
            assertEquals(0, fallback.received().size());
        }
    }

    @Test
    void subscriptionsNeedAnEditorAndAreBounded() {
        Notify.workspace(ws);
        Api.as(ws, "viewer").contentType(ContentType.JSON).body("{}").post("/v1/subscriptions").then()
                .statusCode(403);
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"scope\":\"TEAM\"}").post("/v1/subscriptions")
                .then().statusCode(400).body("field", equalTo("team"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"channelId\":\"nope\"}")
                .post("/v1/subscriptions").then().statusCode(400).body("field", equalTo("channelId"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"actions\":[\"drop table\"]}")
                .post("/v1/subscriptions").then().statusCode(400).body("field", equalTo("actions"));
        String id = subscribe("{}").getString("id");
        Api.as("nt-oth-" + ws.substring(7), "editor").delete("/v1/subscriptions/{id}", id).then().statusCode(404);
        Api.as(ws, "editor").delete("/v1/subscriptions/{id}", id).then().statusCode(204);
        Api.as(ws, "editor").delete("/v1/subscriptions/{id}", id).then().statusCode(404);
    }

    private JsonPath digest(String subscription, LocalDate day) {
        var answer = Api.as(ws, "viewer").get("/v1/notifications/{id}", "digest:" + subscription + ":" + day);
        return answer.statusCode() == 200 ? answer.jsonPath() : null;
    }

    private JsonPath subscribe(String json) {
        return Api.as(ws, "editor").contentType(ContentType.JSON).body(json).post("/v1/subscriptions").then()
                .statusCode(201).extract().jsonPath();
    }

    private void definition(String name, String team, boolean key) {
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"ownerTeam\":\"" + team
                + "\",\"keyEvent\":" + key + ",\"properties\":[{\"name\":\"plan\",\"type\":\"string\"}]}")
                .post("/v1/definitions").then().statusCode(201);
    }
}
