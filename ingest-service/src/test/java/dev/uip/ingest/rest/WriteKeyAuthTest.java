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

/** Write keys decide the workspace of every event, and a revoked key stops working within seconds. */
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

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> raw = given().auth().preemptive().basic(key, "").queryParam("limit", 200)
                    .get("/v1/inspect/raw").then().statusCode(200).extract().jsonPath().getList("value");
            Map<String, Object> stored = raw.stream().filter(v -> messageId.equals(v.get("messageId"))).findFirst()
                    .orElse(null);
            assertNotNull(stored);
            assertEquals(workspace, stored.get("workspaceId"));
            assertNotNull(stored.get("writeKeyId"));
        });

        // Inspection is scoped by the key too: another workspace's key sees none of these events, no key gets 401.
        String otherKey = TestKeys.issue("auth-other-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-Write-Key", otherKey)
                .get("/v1/inspect/raw").statusCode() == 200);
        List<String> seenByOther = given().header("X-Write-Key", otherKey).queryParam("limit", 200)
                .get("/v1/inspect/raw").then().statusCode(200).extract().jsonPath().getList("value.messageId");
        assertFalse(seenByOther.contains(messageId), "another workspace's key saw the event");
        given().get("/v1/inspect/raw").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));

        TestKeys.revoke(key, workspace);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body(body).post("/v1/track").statusCode() == 401);
        given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body(body).post("/v1/track").then()
                .body("message", containsString("revoked"));
    }

    @Test
    void readinessIncludesTheKeyDirectory() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name",
                org.hamcrest.Matchers.hasItem("write-keys"));
    }
}
