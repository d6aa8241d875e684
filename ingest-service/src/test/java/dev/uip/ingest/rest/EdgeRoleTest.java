package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;

/** Only the HTTP edge: events reach usage-events-raw, no validation topology runs in the process. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@TestProfile(EdgeRoleTest.EdgeOnly.class)
class EdgeRoleTest {

    @Test
    void acceptsEventsWithoutStartingValidation() throws Exception {
        String workspace = "edge-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestKeys.issue(workspace);
        String messageId = "edge-" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body("{\"event\":\"Edge Only\",\"userId\":\"u\",\"messageId\":\""
                        + messageId + "\"}")
                .post("/v1/track").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().header("Authorization", TestKeys.viewerOf(key))
                        .queryParam("limit", 200).get("/v1/inspect/raw").then().statusCode(200)
                        .body("value.messageId", hasItem(messageId)));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'validation-streams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'validation-streams' }.data.role", equalTo(
                        "edge: validation runs in another process"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", RealStack.get().bootstrapServers()))) {
            List<String> groups = admin.listConsumerGroups().all().get().stream()
                    .map(ConsumerGroupListing::groupId).toList();
            assertFalse(groups.contains(EdgeOnly.APPLICATION_ID), "a validation topology ran: " + groups);
        }
    }

    public static class EdgeOnly implements QuarkusTestProfile {

        static final String APPLICATION_ID = "uip-ingest-edge-only-test";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("uip.ingest.role", "edge", "quarkus.kafka-streams.application-id", APPLICATION_ID);
        }
    }
}
