package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.stack.RealStackResource;
import dev.uip.stack.TestTokens;

/**
 * Write keys decide the workspace of every event and only write (reading events takes a viewer's service token), and
 * a revoked key stops working within seconds.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class WriteKeyAuthTest {

    @Test
    void workspaceComesFromTheKeyAndRevocationTakesEffect() {
        String workspace = "auth-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestKeys.issue(workspace);
        String messageId = "auth-" + UUID.randomUUID();
        String body = "{\"event\":\"Login\",\"userId\":\"u\",\"messageId\":\"" + messageId
                + "\",\"workspaceId\":\"someone-else\",\"context\":{\"workspace\":\"someone-else\"}}";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body(body).post("/v1/track").statusCode() == 200);

        // Looking at events is a management call: a viewer's service token of the workspace, never a write key.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> raw = given().header("Authorization", TestTokens.bearer(workspace, "viewer"))
                    .queryParam("limit", 200).get("/v1/inspect/raw").then().statusCode(200).extract().jsonPath()
                    .getList("value");
            Map<String, Object> stored = raw.stream().filter(v -> messageId.equals(v.get("messageId"))).findFirst()
                    .orElse(null);
            assertNotNull(stored);
            assertEquals(workspace, stored.get("workspaceId"));
            assertNotNull(stored.get("writeKeyId"));
        });

        // Inspection is scoped by the token's workspace: another workspace's viewer sees none of these events.
        List<String> seenByOther = given().header("Authorization", TestTokens.bearer("auth-other-" + UUID
                .randomUUID().toString().substring(0, 8), "viewer")).queryParam("limit", 200).get("/v1/inspect/raw")
                .then().statusCode(200).extract().jsonPath().getList("value.messageId");
        assertFalse(seenByOther.contains(messageId), "another workspace's viewer saw the event");

        // Write keys only write: the key that sent the event reads nothing, in any of the ways it may be sent.
        given().auth().preemptive().basic(key, "").get("/v1/inspect/raw").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("X-Write-Key", key).get("/v1/inspect/raw").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + key).get("/v1/inspect/raw").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().get("/v1/inspect/raw").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));

        TestKeys.revoke(key, workspace);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body(body).post("/v1/track").statusCode() == 401);
        given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body(body).post("/v1/track").then()
                .body("message", containsString("revoked"));
    }

    /**
     * The edge authenticates by write key alone and never verifies a JWT (that would cost every event): a Segment call
     * that also carries a bearer token nobody signed is taken on its write key.
     */
    @Test
    void theEdgeNeverLooksAtServiceTokens() {
        String key = TestKeys.issue("auth-edge-" + UUID.randomUUID().toString().substring(0, 8));
        String body = "{\"event\":\"Login\",\"userId\":\"u\",\"messageId\":\"" + UUID.randomUUID() + "\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", "Bearer not.a.jwt")
                .header("X-Write-Key", key).contentType(ContentType.JSON).body(body).post("/v1/track")
                .statusCode() == 200);
        given().header("Authorization", "Bearer " + TestTokens.forged("anyone", "admin")).header("X-Write-Key", key)
                .contentType(ContentType.JSON).body(body).post("/v1/track").then().statusCode(200);
    }

    @Test
    void readinessIncludesTheKeyDirectory() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name",
                org.hamcrest.Matchers.hasItem("write-keys"));
    }
}
