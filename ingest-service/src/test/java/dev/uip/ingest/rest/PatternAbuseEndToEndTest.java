package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;

/**
 * Patterns that make java.util.regex overflow its stack or backtrack for minutes, published the way an older
 * definition may hold them (straight onto the state topic, not through definition-service's checks), cannot stop or
 * stall validation on the real stack: both events are answered at once and ordinary events after them are validated.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class PatternAbuseEndToEndTest {

    static final String EVENT = "Coupon Entered";
    static final String WORKSPACE = "regex-" + UUID.randomUUID().toString().substring(0, 8);
    static String key;

    @Inject
    KafkaStreams streams;

    @BeforeAll
    static void defineEventWithCatastrophicPatterns() {
        key = TestKeys.issue(WORKSPACE);
        TestKeys.workspace(WORKSPACE, UnplannedEventPolicy.QUARANTINE);
        var registry = RegistryClientFacadeFactory.create(new SchemaResolverConfig(
                Map.of(SchemaResolverConfig.REGISTRY_URL, RealStack.get().registryUrl())));
        var registered = registry.createSchema("AVRO", WORKSPACE, EVENT, null, "FIND_OR_CREATE_VERSION", false, """
                {"type":"record","name":"Coupon_Entered","namespace":"uip.regex","fields":[
                  {"name":"code","type":["null","string"],"default":null,"uip.pattern":"(a|b)*"},
                  {"name":"tag","type":["null","string"],"default":null,"uip.pattern":"(.*a){12}"}]}""",
                Set.of());
        SchemaRef ref = SchemaRef.newBuilder().setGroupId(WORKSPACE).setArtifactId(EVENT)
                .setVersion(registered.getVersion()).setGlobalId(registered.getGlobalId()).build();
        TestKeys.define(EventDefinitionState.newBuilder().setWorkspaceId(WORKSPACE).setName(EVENT)
                .setStatus(DefinitionStatus.ACTIVE).setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false)
                .setCriticality("low").setVersion(1).setSchemaRef(ref).setUpdatedAt(Instant.now()).build());
    }

    @Test
    void catastrophicPatternsNeitherStopNorStallValidation() {
        // The definition reached the validator once an ordinary event is checked against its schema.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("VALIDATED",
                track("{\"code\": \"abab\"}").getString("receipts[0].outcome")));

        long start = System.nanoTime();
        JsonPath overflow = track("{\"code\": \"" + "ab".repeat(15_000) + "\"}");
        JsonPath backtracking = track("{\"tag\": \"" + "a".repeat(40) + "!\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("QUARANTINED", overflow.getString("receipts[0].outcome"));
        assertEquals("PATTERN_MISMATCH", overflow.getString("receipts[0].violations[0].code"));
        assertEquals("QUARANTINED", backtracking.getString("receipts[0].outcome"));
        assertEquals("properties.tag", backtracking.getString("receipts[0].violations[0].path"));
        assertEquals("PATTERN_MISMATCH", backtracking.getString("receipts[0].violations[0].code"));
        System.out.printf("Both abusive events validated and answered in %d ms%n", millis);

        // Ordinary events after them are still validated, within seconds.
        for (int i = 0; i < 3; i++) {
            long each = System.nanoTime();
            assertEquals("VALIDATED", track("{\"code\": \"ba\", \"tag\": \"" + "xa".repeat(12) + "\"}")
                    .getString("receipts[0].outcome"));
            assertEquals("SCHEMA_VIOLATION", track("{\"code\": \"abc\"}").getString("receipts[0].reason"));
            assertTrue(System.nanoTime() - each < Duration.ofSeconds(5).toNanos());
        }
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
    }

    static JsonPath track(String properties) {
        return given().auth().preemptive().basic(key, "").header("X-UIP-Receipts", "true")
                .contentType(ContentType.JSON)
                .body("{\"event\":\"" + EVENT + "\",\"userId\":\"u\",\"properties\":" + properties + "}")
                .post("/v1/track").then().statusCode(200).extract().jsonPath();
    }
}
