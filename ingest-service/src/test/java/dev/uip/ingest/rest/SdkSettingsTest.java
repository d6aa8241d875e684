package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.uip.schemas.keys.WriteKeyFormat;
import dev.uip.stack.RealStackResource;

/** The settings document SDKs load at start: only for a real key, and what the browser SDK needs in it. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class SdkSettingsTest {

    @Test
    void aRealKeyGetsSettingsThatPointTheSdkBackHereAndSilenceItsMetrics() {
        String key = BadInputTest.key();
        given().header("Host", "events.example.test:8088").get("/v1/projects/{key}/settings", key).then()
                .statusCode(200)
                .body("integrations.'Segment.io'.apiKey", equalTo(key))
                .body("integrations.'Segment.io'.apiHost", equalTo("events.example.test:8088/v1"))
                .body("integrations.'Segment.io'.protocol", equalTo("http"))
                .body("metrics.sampleRate", equalTo(0));
        // A Host header that is not a plain host name is not handed back to the SDK as the place to send events to.
        given().header("Host", "evil_host.test").get("/v1/projects/{key}/settings", key).then()
                .statusCode(200)
                .body("integrations.'Segment.io'.apiHost", equalTo("localhost:8088/v1"));
    }

    @Test
    void malformedUnknownAndRevokedKeysAreAnsweredLikeAnyUnknownKey() {
        String workspace = "settings-" + UUID.randomUUID().toString().substring(0, 8);
        String revoked = TestKeys.issue(workspace);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/v1/projects/{key}/settings", revoked)
                .statusCode() == 200);
        TestKeys.revoke(revoked, workspace);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/v1/projects/{key}/settings", revoked)
                .statusCode() == 404);
        List<String> keys = List.of("wk_abc", WriteKeyFormat.generate(), "<script>alert(1)</script>",
                "\"};alert(1);x", "k".repeat(4000), "%00", revoked);
        for (String key : keys) {
            Response answer = given().get("/v1/projects/{key}/settings", key);
            assertEquals(404, answer.statusCode(), key + ": " + answer.asString());
            assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
            assertEquals("UNKNOWN_WRITE_KEY", answer.jsonPath().getString("code"));
            assertFalse(answer.asString().contains(key), "the key is never echoed: " + answer.asString());
            assertFalse(answer.asString().contains("<script"), answer.asString());
        }
    }
}
