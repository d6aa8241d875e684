package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * The walking skeleton through the real broker and registry: an event is accepted over HTTP, lands on the raw topic,
 * and the validation topology routes it to validated or quarantined.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class TrackEndToEndTest {

    static final String EVENT = "Invoice Sent " + UUID.randomUUID();
    static final String WORKSPACE = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    static String key;
    /** The schema version the definition published, as definition-service puts it on the state it publishes. */
    static SchemaRef published;

    @BeforeAll
    static void defineEvent() {
        key = TestKeys.issue(WORKSPACE);
        // What definition-service does when a definition is created: the event's schema in the workspace's group.
        var registry = RegistryClientFacadeFactory.create(new SchemaResolverConfig(
                Map.of(SchemaResolverConfig.REGISTRY_URL, RealStack.get().registryUrl())));
        // Undefined events of this workspace are quarantined (new workspaces accept them with a flag).
        TestKeys.workspace(WORKSPACE, UnplannedEventPolicy.QUARANTINE);
        var registered = registry.createSchema("AVRO", WORKSPACE, EVENT, null, "FIND_OR_CREATE_VERSION", false, """
                {"type":"record","name":"Invoice_Sent","namespace":"uip.default","fields":[
                  {"name":"amount","type":"double"},{"name":"plan","type":["null","string"],"default":null}]}""",
                Set.of());
        published = SchemaRef.newBuilder().setGroupId(WORKSPACE).setArtifactId(EVENT)
                .setVersion(registered.getVersion()).setGlobalId(registered.getGlobalId()).build();
    }

    @Test
    void validInvalidAndUnknownEventsLandWhereTheyBelong() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body("{\"event\":\"warm-up\",\"userId\":\"u\"}").post("/v1/track")
                .statusCode() == 200);
        // The workspace's policy reaches the validator through the workspaces topic: wait until it applies.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("UNKNOWN_EVENT",
                given().auth().preemptive().basic(key, "").header("X-UIP-Receipts", "true")
                        .contentType(ContentType.JSON).body("{\"event\":\"Probe " + UUID.randomUUID()
                                + "\",\"userId\":\"u\"}")
                        .post("/v1/track").then().statusCode(200).extract().jsonPath()
                        .getString("receipts[0].reason")));
        String valid = send(EVENT, "{\"amount\": 99.5, \"plan\": \"pro\"}");
        String invalid = send(EVENT, "{\"plan\": 3}");
        String unknown = send("Never Defined " + UUID.randomUUID(), "{}");

        Set<String> ours = Set.of(valid, invalid, unknown);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(ours, only(ours, messageIds("raw")));
            assertEquals(Set.of(valid), only(ours, messageIds("validated")));
            assertEquals(Set.of(invalid, unknown), only(ours, messageIds("quarantined")));
        });
        JsonPath quarantined = inspect("quarantined");
        assertEquals("SCHEMA_VIOLATION", reasonOf(quarantined, invalid));
        assertEquals("UNKNOWN_EVENT", reasonOf(quarantined, unknown));
    }

    @Test
    void anSdkRetryReachesValidatedOnceAndIsCountedAsADuplicate() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body("{\"event\":\"warm-up\",\"userId\":\"u\"}").post("/v1/track")
                .statusCode() == 200);
        String retried = "retry-" + UUID.randomUUID();
        String body = message(retried, "{\"amount\": 7}");
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body(body).post("/v1/track")
                    .then().statusCode(200);
        }
        given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body("{\"batch\":[" + body + "]}")
                .post("/v1/batch").then().statusCode(200);
        String after = send(EVENT, "{\"amount\": 8}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(4, messageIds("raw").stream().filter(retried::equals).count());
            assertTrue(messageIds("validated").contains(after));
        });
        assertEquals(1, messageIds("validated").stream().filter(retried::equals).count());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uip_validation_duplicates_total{workspace=\"" + WORKSPACE + "\"} 3.0"),
                "duplicates metric: " + metrics.lines().filter(l -> l.contains("duplicates")).toList());
    }

    @Test
    void receiptsTellTheDeveloperWhatBecameOfEachMessage() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().preemptive().basic(key, "")
                .contentType(ContentType.JSON).body("{\"event\":\"warm-up\",\"userId\":\"u\"}").post("/v1/track")
                .statusCode() == 200);
        String batch = "{\"batch\":[" + message("ok-" + UUID.randomUUID(), "{\"amount\": 1.5}") + ","
                + message("bad-" + UUID.randomUUID(), "{\"amount\": \"1.5\"}") + "]}";
        JsonPath answer = given().auth().preemptive().basic(key, "").header("X-UIP-Receipts", "true")
                .contentType(ContentType.JSON).body(batch).post("/v1/batch").then().statusCode(200)
                .body("success", equalTo(true)).extract().jsonPath();
        assertEquals("VALIDATED", answer.getString("receipts[0].outcome"));
        assertEquals("QUARANTINED", answer.getString("receipts[1].outcome"));
        assertEquals("SCHEMA_VIOLATION", answer.getString("receipts[1].reason"));
        assertEquals("properties.amount", answer.getString("receipts[1].violations[0].path"));
        assertEquals("WRONG_TYPE", answer.getString("receipts[1].violations[0].code"));
    }

    @Test
    void eventsOfAnArchivedDefinitionAreQuarantinedAndWarnModeAcceptsViolations() {
        TestKeys.define(state(DefinitionStatus.ARCHIVED, EnforcementMode.QUARANTINE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("ARCHIVED_EVENT",
                receipt("{\"amount\": 1.5}").getString("receipts[0].reason")));

        TestKeys.define(state(DefinitionStatus.ACTIVE, EnforcementMode.WARN));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath answer = receipt("{\"amount\": \"lots\"}");
            assertEquals("VALIDATED", answer.getString("receipts[0].outcome"));
        });
        // The definition is active again, in quarantine mode: the same violation is refused.
        TestKeys.define(state(DefinitionStatus.ACTIVE, EnforcementMode.QUARANTINE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("SCHEMA_VIOLATION",
                receipt("{\"amount\": \"lots\"}").getString("receipts[0].reason")));
    }

    static EventDefinitionState state(DefinitionStatus status, EnforcementMode mode) {
        return EventDefinitionState.newBuilder().setWorkspaceId(WORKSPACE).setName(EVENT).setStatus(status)
                .setEnforcement(mode).setKeyEvent(true).setCriticality("high").setVersion(2).setSchemaRef(published)
                .setUpdatedAt(java.time.Instant.now()).build();
    }

    JsonPath receipt(String properties) {
        return given().auth().preemptive().basic(key, "").header("X-UIP-Receipts", "true")
                .contentType(ContentType.JSON).body("{\"batch\":[" + message("r-" + UUID.randomUUID(), properties)
                        + "]}")
                .post("/v1/batch").then().statusCode(200).extract().jsonPath();
    }

    static String message(String messageId, String properties) {
        return "{\"type\":\"track\",\"event\":\"" + EVENT + "\",\"userId\":\"u\",\"messageId\":\"" + messageId
                + "\",\"properties\":" + properties + "}";
    }

    @Test
    void rejectsUnparseableBodiesAndMissingKeys() {
        given().auth().preemptive().basic(key, "").contentType(ContentType.JSON).body("{not json")
                .post("/v1/track").then().statusCode(400).body("code", equalTo("INVALID_JSON"));
        given().contentType(ContentType.JSON).body("{\"event\":\"A\",\"userId\":\"u\"}")
                .post("/v1/track").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("X-Write-Key", key).contentType(ContentType.TEXT).body("{\"event\":\"A\"}")
                .post("/v1/track").then().statusCode(400).body("code", equalTo("MISSING_IDENTITY"));
    }

    String send(String event, String properties) {
        String messageId = UUID.randomUUID().toString();
        given().auth().preemptive().basic(key, "").contentType(ContentType.JSON)
                .body("{\"event\":\"" + event + "\",\"userId\":\"user-1\",\"messageId\":\"" + messageId
                        + "\",\"properties\":" + properties + "}")
                .post("/v1/track").then().statusCode(200).body("success", equalTo(true));
        return messageId;
    }

    JsonPath inspect(String stream) {
        return given().header("Authorization", TestKeys.viewerOf(key)).queryParam("limit", 200)
                .get("/v1/inspect/" + stream).then()
                .statusCode(200).extract()
                .jsonPath();
    }

    List<String> messageIds(String stream) {
        String path = stream.equals("quarantined") ? "value.raw.messageId" : "value.messageId";
        return inspect(stream).getList(path, String.class);
    }

    /** Other tests share the broker: look only at this test's messages. */
    static Set<String> only(Set<String> ours, List<String> found) {
        return found.stream().filter(ours::contains).collect(java.util.stream.Collectors.toSet());
    }

    static String reasonOf(JsonPath quarantined, String messageId) {
        return quarantined.getString("find { it.value.raw.messageId == '" + messageId + "' }.value.reason");
    }
}
