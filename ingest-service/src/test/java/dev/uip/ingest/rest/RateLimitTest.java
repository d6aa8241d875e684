package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.stack.RealStackResource;

/** A key over its workspace's limit gets 429 with Retry-After; other keys are unaffected; figures are exported. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class RateLimitTest {

    static final String BODY = "{\"event\":\"Ping\",\"userId\":\"u\"}";

    @Test
    void limitedKeyGets429AndOthersDoNot() {
        // Workspace limited-ws allows a burst of 3 events, then one every 5 s (see %test properties).
        String limited = TestKeys.issue("limited-ws");
        String other = TestKeys.issue("roomy-ws");
        await().atMost(Duration.ofSeconds(30)).until(() -> post(other) == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> post(limited) != 401);
        int accepted = 1;
        while (post(limited) == 200) {
            accepted++;
            assertTrue(accepted <= 3, "more than the burst was accepted");
        }
        given().auth().preemptive().basic(limited, "").contentType(ContentType.JSON).body(BODY).post("/v1/track")
                .then().statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().auth().preemptive().basic(other, "").contentType(ContentType.JSON).body(BODY).post("/v1/track")
                .then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uip_ingest_events_rate_limited_total{workspace=\"limited-ws\"}"), metrics);
        assertTrue(metrics.contains("uip_ingest_events_accepted_total{workspace=\"roomy-ws\"}"));
        assertTrue(metrics.contains("uip_ingest_ack_latency_seconds_count{workspace=\"roomy-ws\"}"));
        given().get("/q/metrics").then().body(containsString("reason=\"RATE_LIMITED\""));
    }

    static int post(String key) {
        return given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body(BODY).post("/v1/track")
                .statusCode();
    }
}
