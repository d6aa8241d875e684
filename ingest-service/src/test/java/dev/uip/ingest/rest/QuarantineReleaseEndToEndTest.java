package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * A quarantined event released after its definition was fixed, through the real broker and registry: it reaches
 * validated once however often it is released, and every release is answered on the outcomes topic.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class QuarantineReleaseEndToEndTest {

    static final String WORKSPACE = "release-" + UUID.randomUUID().toString().substring(0, 8);
    static final String EVENT = "Plan Changed";

    @Test
    void aReleasedEventIsValidatedOnceAfterTheFixAndEveryReleaseIsAnswered() {
        String key = TestKeys.issue(WORKSPACE);
        TestKeys.workspace(WORKSPACE, UnplannedEventPolicy.QUARANTINE);
        TestKeys.define(state(register("""
                {"type":"record","name":"Plan_Changed","fields":[{"name":"seats","type":"long"}]}"""), 1));
        String messageId = "m-" + UUID.randomUUID();
        String body = "{\"batch\":[{\"type\":\"track\",\"event\":\"" + EVENT + "\",\"userId\":\"u\",\"messageId\":\""
                + messageId + "\",\"properties\":{\"seats\":\"12\"}}]}";
        // sent until the definition applies; the dedup then keeps the first quarantined copy only
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("SCHEMA_VIOLATION",
                given().auth().preemptive().basic(key, "").header("X-UIP-Receipts", "true")
                        .contentType(ContentType.JSON).body(body).post("/v1/batch").then().statusCode(200)
                        .extract().jsonPath().getString("receipts[0].reason")));
        RawUsageEvent raw = rawEvent(messageId);

        // the fix: seats become a string, published as version 2 of the definition
        TestKeys.define(state(register("""
                {"type":"record","name":"Plan_Changed","fields":[{"name":"seats","type":"string"}]}"""), 2));
        release("r-1", raw);
        release("r-2", raw);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(
                Map.of("r-1", "RELEASED", "r-2", "ALREADY_RELEASED"), outcomes(messageId)));
        var validated = given().header("Authorization", TestKeys.viewerOf(key)).queryParam("limit", 200)
                .get("/v1/inspect/validated").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(messageId), validated.getList("value.messageId", String.class));
        assertEquals(List.of("RELEASED"), validated.getList("value[0].flags", String.class));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uip_validation_releases_total{outcome=\"RELEASED\",workspace=\"" + WORKSPACE
                + "\"} 1.0"), metrics.lines().filter(l -> l.contains("releases")).toList().toString());
    }

    static SchemaRef register(String schema) {
        var registry = RegistryClientFacadeFactory.create(new SchemaResolverConfig(
                Map.of(SchemaResolverConfig.REGISTRY_URL, RealStack.get().registryUrl())));
        var registered = registry.createSchema("AVRO", WORKSPACE, EVENT, null, "FIND_OR_CREATE_VERSION", false,
                schema, Set.of());
        return SchemaRef.newBuilder().setGroupId(WORKSPACE).setArtifactId(EVENT).setVersion(registered.getVersion())
                .setGlobalId(registered.getGlobalId()).build();
    }

    static EventDefinitionState state(SchemaRef ref, int version) {
        return EventDefinitionState.newBuilder().setWorkspaceId(WORKSPACE).setName(EVENT)
                .setStatus(DefinitionStatus.ACTIVE).setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false)
                .setCriticality("medium").setVersion(version).setSchemaRef(ref).setUpdatedAt(Instant.now()).build();
    }

    /** The event as the edge stored it on the raw topic (the first copy). */
    static RawUsageEvent rawEvent(String messageId) {
        try (var reader = new SpecificAvroDeserializer<>(RawUsageEvent.class)) {
            reader.configure(Map.of("apicurio.registry.url", RealStack.get().registryUrl()), false);
            return RawTopic.records(WORKSPACE).stream().map(r -> reader.deserialize(Topics.RAW, r.headers(), r.value()))
                    .filter(e -> e.getMessageId().equals(messageId)).findFirst().orElseThrow();
        }
    }

    static void release(String releaseId, RawUsageEvent raw) {
        TestKeys.send(Topics.QUARANTINE_RELEASES, WORKSPACE + "/" + raw.getMessageId(), QuarantineRelease.newBuilder()
                .setReleaseId(releaseId).setWorkspaceId(WORKSPACE).setMessageId(raw.getMessageId()).setRaw(raw)
                .setActor("user:test").setRequestedAt(Instant.now()).build());
    }

    /** The outcome of each release of the message, by release id. */
    static Map<String, String> outcomes(String messageId) {
        try (var reader = new SpecificAvroDeserializer<>(QuarantineReleaseOutcome.class)) {
            reader.configure(Map.of("apicurio.registry.url", RealStack.get().registryUrl()), false);
            return RawTopic.records(Topics.RELEASE_OUTCOMES, WORKSPACE).stream()
                    .map(r -> reader.deserialize(Topics.RELEASE_OUTCOMES, r.headers(), r.value()))
                    .filter(o -> o.getMessageId().equals(messageId))
                    .collect(Collectors.toMap(QuarantineReleaseOutcome::getReleaseId,
                            o -> o.getOutcome().name()));
        }
    }
}
