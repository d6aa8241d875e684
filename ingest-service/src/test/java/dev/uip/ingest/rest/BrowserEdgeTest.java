package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.stack.RealStackResource;

/** What browsers and streaming clients meet at the edge: CORS on every answer, and limits on chunked bodies. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class BrowserEdgeTest {

    private static final String ORIGIN = "https://shop.example.com";

    @TestHTTPResource("/v1/track")
    URI track;

    @Test
    void preflightAllowsAnyOriginToPostEvents() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/v1/t").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void answersCarryCorsHeadersSoTheBrowserCanReadThem() {
        String key = BadInputTest.key();
        given().header("Origin", ORIGIN).header("Authorization", BadInputTest.basic(key))
                .contentType("text/plain").body("{\"event\":\"Cart Viewed\",\"anonymousId\":\"a1\"}")
                .post("/v1/t").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .body("success", equalTo(true));
        given().header("Origin", ORIGIN).contentType("text/plain").body("{nope").post("/v1/t").then()
                .statusCode(400)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .body("code", equalTo("INVALID_JSON"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithAJsonAnswer() throws Exception {
        byte[] huge = ("{\"event\":\"A\",\"userId\":\"u\",\"x\":\"" + "a".repeat(700 * 1024) + "\"}").getBytes();
        // A body from a stream has no Content-Length: the limit must hold while the body arrives.
        HttpRequest request = HttpRequest.newBuilder(track).header("Content-Type", "application/json")
                .header("Authorization", BadInputTest.basic(BadInputTest.key()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"TOO_LARGE\""), response.body());
    }

    @Test
    void anotherMethodOnASegmentCallIsTold405() {
        given().get("/v1/track").then().statusCode(405).header("Allow", equalTo("POST"))
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().put("/v1/batch").then().statusCode(405);
    }
}
