package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.uip.stack.AuthorizationMatrix;
import dev.uip.stack.AuthorizationMatrix.Rule;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.TestTokens;

/**
 * Every JAX-RS route of ingest-service, as its OpenAPI document lists them: inspection answers only a viewer's (or
 * higher) service token and only the token's workspace, so another workspace's admin sees none of workspace A's
 * events (A sends one first); the SDK settings stay public (the write key in the path is their credential).
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class AuthorizationMatrixTest {

    @Test
    void everyRouteAnswersOnlyItsRolesOfItsWorkspace() {
        String a = "mx-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "mx-b-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestKeys.issue(a);
        String messageId = "matrix-" + UUID.randomUUID();
        String body = "{\"event\":\"Matrix Event\",\"userId\":\"u\",\"messageId\":\"" + messageId + "\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-Write-Key", key)
                .contentType(ContentType.JSON).body(body).post("/v1/track").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", TestTokens
                .bearer(a, "viewer")).queryParam("limit", 200).get("/v1/inspect/raw").then().statusCode(200)
                .body("value.messageId", hasItem(messageId)));

        Map<String, Rule> table = Map.of(
                "GET /v1/inspect/{stream}", Rule.own("viewer", Map.of("stream", "raw")).withQuery("limit=200"),
                // public by design: SDKs load it with the write key in the path, which it checks itself
                "GET /v1/projects/{writeKey}/settings", Rule.open(Map.of("writeKey", key)));
        new AuthorizationMatrix(URI.create("http://localhost:" + RestAssured.port + "/"), a, b).check(table,
                List.of(a, messageId));
    }
}
