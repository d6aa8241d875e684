package dev.uip.ingest.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.uip.stack.RealStackResource;

/**
 * Readiness and liveness follow the validation client's state on the real stack. The test stops the client, so it
 * runs in an application of its own (profile).
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@TestProfile(ValidationStreamsHealthTest.OwnApplication.class)
class ValidationStreamsHealthTest {

    /** No overrides: only a separate application, so stopping its client harms no other test. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    KafkaStreams streams;

    @Test
    void notReadyAndNotLiveOnceTheValidationClientStops() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'validation-streams' }.data.state", equalTo("RUNNING")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("validation-streams"));

        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));

        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'validation-streams' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'validation-streams' }.data.state", equalTo("NOT_RUNNING"));
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'validation-streams' }.status", equalTo("DOWN"));
    }
}
