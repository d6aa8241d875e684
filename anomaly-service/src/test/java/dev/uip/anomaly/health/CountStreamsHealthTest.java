package dev.uip.anomaly.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.uip.anomaly.rest.StreamsStateDirResource;
import dev.uip.stack.RealStackResource;

/**
 * Readiness and liveness follow the counting client's state on the real stack (once, readiness said UP while the
 * client was in ERROR). The test stops the client, so it runs in an application of its own (profile).
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
@TestProfile(CountStreamsHealthTest.OwnApplication.class)
class CountStreamsHealthTest {

    /** No overrides: only a separate application, so stopping its client harms no other test. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    KafkaStreams streams;

    @Test
    void notReadyAndNotLiveOnceTheCountingClientStops() {
        String check = "checks.find { it.name == '" + CountStreamsHealth.NAME + "' }";
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body(check + ".data.state", equalTo("RUNNING")));
        given().get("/q/health/live").then().statusCode(200).body(check + ".status", equalTo("UP"));

        // Leaving the group at once: the next test application of this module must not wait for this member's
        // session to time out and then rebalance (its stores are not queryable meanwhile).
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));

        given().get("/q/health/ready").then().statusCode(503).body(check + ".status", equalTo("DOWN"))
                .body(check + ".data.state", equalTo("NOT_RUNNING"));
        given().get("/q/health/live").then().statusCode(503).body(check + ".status", equalTo("DOWN"));
    }
}
