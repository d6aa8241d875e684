package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.stack.RealStackResource;

/**
 * A virtual definition published on the real event-definitions topic reaches the running topology: a page call
 * through the edge that matches its rule is followed on usage-events-validated by the derived event.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class VirtualEventsEndToEndTest {

    static final String WORKSPACE = "virtual-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMatchingPageCallDerivesTheVirtualEvent() {
        String key = TestKeys.issue(WORKSPACE);
        TestKeys.workspace(WORKSPACE, UnplannedEventPolicy.ACCEPT_AND_FLAG);
        TestKeys.define(EventDefinitionState.newBuilder().setWorkspaceId(WORKSPACE).setName("Visited Billing")
                .setStatus(DefinitionStatus.ACTIVE).setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false)
                .setCriticality("medium").setVersion(5).setUpdatedAt(Instant.now()).setVirtualRule("""
                        {"callTypes":["page"],"where":{"path":"properties.url","op":"contains","value":"/billing"}}""")
                .build());
        // the definition reaches the topology through the compacted topic: send until a page derives
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String id = "page-" + UUID.randomUUID();
            given().auth().preemptive().basic(key, "").contentType(ContentType.JSON)
                    .body("{\"messageId\":\"" + id + "\",\"userId\":\"u-1\",\"name\":\"Invoices\","
                            + "\"properties\":{\"url\":\"https://app.example.com/billing\"}}")
                    .post("/v1/page").then().statusCode(200);
            List<Map<String, Object>> derived = given().header("Authorization", TestKeys.viewerOf(key))
                    .queryParam("limit", 200).get("/v1/inspect/validated").then().statusCode(200).extract()
                    .jsonPath().getList("findAll { it.value.derivedFrom != null }.value");
            assertTrue(!derived.isEmpty(), "no derived event yet");
            Map<String, Object> event = derived.get(0);
            assertEquals("TRACK", event.get("type"));
            assertEquals("Visited Billing", event.get("event"));
            assertEquals(List.of("DERIVED"), event.get("flags"));
            Map<?, ?> provenance = (Map<?, ?>) event.get("derivedFrom");
            assertEquals("Visited Billing", provenance.get("ruleName"));
            assertEquals(5, provenance.get("ruleVersion"));
            String source = (String) provenance.get("sourceMessageId");
            assertTrue(source.startsWith("page-") && String.valueOf(event.get("messageId")).startsWith(source + ":"),
                    String.valueOf(event));
            assertEquals("{\"url\":\"https://app.example.com/billing\"}", event.get("propertiesJson"));
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uip_validation_derived_total{workspace=\"" + WORKSPACE + "\"}"),
                "derived metric missing");
    }
}
