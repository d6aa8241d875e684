package dev.uip.definition.notify.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import dev.uip.definition.rest.Db;
import dev.uip.definition.rest.TopicReader;
import dev.uip.stack.Topics;

/**
 * Channels on the real stack: a webhook gets a TEST signed with the secret returned at creation, the URL (with its
 * token) never shows again, rotation changes the signature, and roles, workspaces and bad targets are refused.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class ChannelTest {

    final String ws = "nt-ch-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aWebhookTestIsSignedWithTheSecretGivenAtCreationAndTheUrlStaysMasked() throws Exception {
        Notify.workspace(ws);
        try (Receiver receiver = Receiver.ok()) {
            String url = receiver.url("/hooks/T0KEN-s3cret");
            JsonPath created = Notify.channel(ws, "{\"name\":\"ops hook\",\"kind\":\"WEBHOOK\",\"url\":\"" + url
                    + "\"}");
            String id = created.getString("id");
            String secret = created.getString("signingSecret");
            assertEquals(64, secret.length(), "a 256-bit hex secret");
            assertEquals(receiver.url("/…"), created.getString("target"), "scheme://host:port/… only");

            String notification = Notify.test(ws, id);
            JsonPath settled = Notify.settled(ws, notification);
            assertEquals("DELIVERED", settled.getString("deliveries[0].status"));
            assertEquals(1, settled.getInt("deliveries[0].attempts"));
            assertEquals("ops hook", settled.getString("deliveries[0].channelName"));
            assertEquals(200, settled.getInt("deliveries[0].attemptLog[0].statusCode"));

            assertEquals(1, receiver.received().size());
            Receiver.Received request = receiver.received().get(0);
            assertEquals("POST", request.method());
            assertEquals("/hooks/T0KEN-s3cret", request.path(), "the stored URL, decrypted whole");
            Notify.assertSigned(secret, request);
            assertEquals("TEST", request.header("X-UIP-Kind"));
            assertEquals(settled.getString("deliveries[0].id"), request.header("X-UIP-Delivery"));
            assertEquals(notification, JsonPath.from(request.body()).getString("notificationId"));

            // Stored sealed: neither the token nor the host is readable in the table, even by its owner.
            try (var db = Db.owner();
                    var query = db.prepareStatement("select target_sealed, target_masked"
                            + " from channel where id = ?")) {
                query.setString(1, id);
                var row = query.executeQuery();
                assertTrue(row.next());
                assertFalse(row.getString(1).contains("T0KEN") || row.getString(1).contains("127.0.0.1"));
                assertEquals(created.getString("target"), row.getString(2));
            }
            // Row-level security: the application role sees none of it without naming the workspace.
            try (var db = Db.app(); var statement = db.createStatement()) {
                for (String table : List.of("channel", "delivery", "delivery_attempt", "notification_target")) {
                    var rows = statement.executeQuery("select count(*) from " + table);
                    rows.next();
                    assertEquals(0, rows.getInt(1), table);
                }
            }

            // Neither the views nor the change events show the URL's token or the secret.
            String views = Api.as(ws, "viewer").get("/v1/channels").asString()
                    + Api.as(ws, "viewer").get("/v1/channels/{id}", id).asString();
            assertFalse(views.contains("T0KEN"), views);
            assertFalse(views.contains(secret), views);
            Api.as(ws, "viewer").get("/v1/channels/{id}", id).then().statusCode(200)
                    .body("signingSecret", nullValue()).body("status", equalTo("HEALTHY"));

            // Rotation: a new secret, and the next delivery is signed with it.
            String rotated = Api.as(ws, "admin").post("/v1/channels/{id}/rotate-secret", id).then().statusCode(200)
                    .extract().jsonPath().getString("signingSecret");
            assertNotEquals(secret, rotated);
            Notify.settled(ws, Notify.test(ws, id));
            Notify.assertSigned(rotated, receiver.received().get(1));

            var changes = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.records(
                    Topics.DEFINITION_CHANGES, r -> id.equals(r.get("entityId").toString())),
                    found -> found.size() >= 2);
            assertEquals("CHANNEL", changes.get(0).get("entityType").toString());
            assertEquals(Api.actorOf(ws, "admin"), changes.get(0).get("actor").toString());
            changes.forEach(change -> {
                assertFalse(change.toString().contains("T0KEN"), change.toString());
                assertFalse(change.toString().contains(secret), change.toString());
                assertFalse(change.toString().contains(rotated), change.toString());
            });
            assertTrue(changes.stream().anyMatch(c -> "SECRET_ROTATED".equals(c.get("action").toString())));
        }
    }

    @Test
    void rolesWorkspacesAndBadTargetsAreRefused() {
        Notify.workspace(ws);
        String other = "nt-oth-" + UUID.randomUUID().toString().substring(0, 8);
        Notify.workspace(other);
        String body = "{\"name\":\"hook\",\"kind\":\"WEBHOOK\",\"url\":\"https://hooks.example.com/x\"}";
        Api.as(ws, "viewer").contentType(ContentType.JSON).body(body).post("/v1/channels").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as(ws, "editor").contentType(ContentType.JSON).body(body).post("/v1/channels").then().statusCode(403);
        String id = Notify.webhook(ws, "mine", null, "http://127.0.0.1:9/x");

        Api.as(other, "admin").get("/v1/channels/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(other, "admin").contentType(ContentType.JSON).body("{\"name\":\"stolen\"}")
                .patch("/v1/channels/{id}", id).then().statusCode(404);
        Api.as(other, "admin").delete("/v1/channels/{id}", id).then().statusCode(404);
        Api.as(other, "admin").post("/v1/channels/{id}/test", id).then().statusCode(404);
        Api.as(other, "admin").post("/v1/channels/{id}/rotate-secret", id).then().statusCode(404);
        Api.as(other, "viewer").get("/v1/channels").then().statusCode(200).body("size()", equalTo(0));

        bad("{\"name\":\"x\",\"kind\":\"WEBHOOK\",\"url\":\"ftp://files.example.com/x\"}", "url");
        bad("{\"name\":\"x\",\"kind\":\"WEBHOOK\",\"url\":\"not a url\"}", "url");
        bad("{\"name\":\"x\",\"kind\":\"WEBHOOK\",\"url\":\"https://" + "a".repeat(2100) + ".com/\"}", "url");
        bad("{\"name\":\"x\",\"kind\":\"WEBHOOK\",\"url\":\"https://user:pw@hooks.example.com/\"}", "url");
        bad("{\"name\":\"x\",\"kind\":\"PIGEON\",\"url\":\"https://hooks.example.com/\"}", "kind");
        bad("{\"name\":\"x\",\"kind\":\"EMAIL\",\"recipients\":[\"not-an-address\"]}", "recipients");
        bad("{\"name\":\"x\",\"kind\":\"EMAIL\",\"recipients\":[]}", "recipients");
        bad("{\"name\":\"\",\"kind\":\"SLACK\",\"url\":\"https://hooks.example.com/\"}", "name");
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"name\":\"mine\",\"kind\":\"WEBHOOK\",\"url\":"
                + "\"https://hooks.example.com/y\"}").post("/v1/channels").then().statusCode(409)
                .body("code", equalTo("NAME_CONFLICT"));
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"kind\":\"SLACK\"}")
                .patch("/v1/channels/{id}", id).then().statusCode(400).body("field", equalTo("kind"));
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"name\":\"renamed\",\"team\":\"payments\"}")
                .patch("/v1/channels/{id}", id).then().statusCode(200).body("name", equalTo("renamed"))
                .body("team", equalTo("payments")).body("version", equalTo(2)).body("target", not(nullValue()));
        Api.as(ws, "admin").delete("/v1/channels/{id}", id).then().statusCode(204);
        Api.as(ws, "viewer").get("/v1/channels/{id}", id).then().statusCode(404);
    }

    private void bad(String body, String field) {
        Api.as(ws, "admin").contentType(ContentType.JSON).body(body).post("/v1/channels").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST")).body("field", equalTo(field));
    }
}
