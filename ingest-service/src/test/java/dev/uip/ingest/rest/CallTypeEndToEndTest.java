package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.names.DefinitionKeys;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * Page and identify definitions on the real stack, published the way definition-service publishes them (schema in
 * the call type's registry group, state under {@code <ws>/<CALLTYPE>/<name>}): a page call over HTTP that violates its
 * definition is quarantined with the property's path, identify traits likewise, while a page nobody defined passes in
 * a workspace whose strict policy quarantines undefined track events. A track definition published in the format from
 * before call types (no callType field) is still read as a track definition.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
class CallTypeEndToEndTest {

    static final String WORKSPACE = "calls-" + UUID.randomUUID().toString().substring(0, 8);
    static String key;

    @BeforeAll
    static void definePageIdentifyAndAnOldTrackDefinition() {
        key = TestKeys.issue(WORKSPACE);
        TestKeys.workspace(WORKSPACE, UnplannedEventPolicy.QUARANTINE);
        TestKeys.define(state(DefinitionCallType.PAGE, "Pricing", register(DefinitionCallType.PAGE, "Pricing", """
                {"type":"record","name":"Pricing","namespace":"uip.calls","fields":[
                  {"name":"plan","type":"string","uip.allowedValues":["free","pro"]}]}""")));
        TestKeys.define(state(DefinitionCallType.IDENTIFY, "identify", register(DefinitionCallType.IDENTIFY,
                "identify", """
                        {"type":"record","name":"identify","namespace":"uip.calls","fields":[
                          {"name":"email","type":"string"}]}""")));
        publishOldTrackState("Signed Up", register(DefinitionCallType.TRACK, "Signed Up", """
                {"type":"record","name":"Signed_Up","namespace":"uip.calls","fields":[
                  {"name":"source","type":"string"}]}"""));
    }

    @Test
    void aPageThatViolatesItsDefinitionIsQuarantinedAndAnUndefinedOnePasses() {
        // the definition reaches the validator through the compacted topic: send until it is applied
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(
                "QUARANTINED", send("page", "{\"name\":\"Pricing\",\"properties\":{\"plan\":\"gold\"}}")
                        .getString("receipts[0].outcome")));
        JsonPath violation = send("page", "{\"name\":\"Pricing\",\"properties\":{\"plan\":\"gold\"}}");
        assertEquals("SCHEMA_VIOLATION", violation.getString("receipts[0].reason"));
        assertEquals("properties.plan", violation.getString("receipts[0].violations[0].path"));
        assertEquals("NOT_ALLOWED", violation.getString("receipts[0].violations[0].code"));

        assertEquals("VALIDATED", send("page", "{\"name\":\"Pricing\",\"properties\":{\"plan\":\"pro\","
                + "\"url\":\"https://example.com/pricing\"}}").getString("receipts[0].outcome"));
        // the strict policy is about track events: a page nobody defined passes, an undefined track event does not
        assertEquals("VALIDATED", send("page", "{\"name\":\"Blog\",\"properties\":{\"plan\":\"gold\"}}")
                .getString("receipts[0].outcome"));
        assertEquals("UNKNOWN_EVENT", send("track", "{\"event\":\"Pricing\",\"properties\":{}}")
                .getString("receipts[0].reason"));
    }

    @Test
    void identifyTraitsAreCheckedAgainstTheWorkspacesTraitsDefinition() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(
                "QUARANTINED", send("identify", "{\"traits\":{\"email\":42}}").getString("receipts[0].outcome")));
        JsonPath violation = send("identify", "{\"traits\":{\"email\":42}}");
        assertEquals("traits.email", violation.getString("receipts[0].violations[0].path"));
        assertEquals("VALIDATED", send("identify", "{\"traits\":{\"email\":\"a@example.com\"}}")
                .getString("receipts[0].outcome"));
    }

    @Test
    void aTrackDefinitionFromBeforeCallTypesIsStillATrackDefinition() {
        // archived in the old record: only a definition read as the track event's can quarantine it for that (the
        // registry alone would validate it)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(
                "ARCHIVED_EVENT", send("track", "{\"event\":\"Signed Up\",\"properties\":{\"source\":\"ad\"}}")
                        .getString("receipts[0].reason")));
        assertEquals("event", send("track", "{\"event\":\"Signed Up\",\"properties\":{}}")
                .getString("receipts[0].violations[0].path"));
    }

    static JsonPath send(String call, String body) {
        String message = body.substring(0, body.length() - 1) + ",\"userId\":\"u-1\"}";
        return given().auth().preemptive().basic(key, "").header("X-UIP-Receipts", "true")
                .contentType(ContentType.JSON).body(message).post("/v1/" + call).then().statusCode(200).extract()
                .jsonPath();
    }

    static SchemaRef register(DefinitionCallType callType, String name, String schema) {
        String group = DefinitionKeys.registryGroup(WORKSPACE, callType);
        var registry = RegistryClientFacadeFactory.create(new SchemaResolverConfig(
                Map.of(SchemaResolverConfig.REGISTRY_URL, RealStack.get().registryUrl())));
        var registered = registry.createSchema("AVRO", group, name, null, "FIND_OR_CREATE_VERSION", false, schema,
                Set.of());
        return SchemaRef.newBuilder().setGroupId(group).setArtifactId(name).setVersion(registered.getVersion())
                .setGlobalId(registered.getGlobalId()).build();
    }

    static EventDefinitionState state(DefinitionCallType callType, String name, SchemaRef ref) {
        return EventDefinitionState.newBuilder().setWorkspaceId(WORKSPACE).setName(name)
                .setStatus(DefinitionStatus.ACTIVE).setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(false)
                .setCriticality("medium").setVersion(1).setSchemaRef(ref).setUpdatedAt(Instant.now())
                .setCallType(callType).build();
    }

    /**
     * Publishes an archived track definition's state as written before call types existed: without the callType
     * field, under the writer schema of then.
     */
    static void publishOldTrackState(String name, SchemaRef ref) {
        EventDefinitionState current = state(DefinitionCallType.TRACK, name, ref);
        current.setStatus(DefinitionStatus.ARCHIVED);
        Schema schema = EventDefinitionState.getClassSchema();
        List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals("callType"))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        Schema old = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
        GenericRecord record = new GenericData.Record(old);
        for (Schema.Field field : fields) {
            Object value = current.get(field.name());
            record.put(field.name(), value instanceof Enum<?> symbol
                    ? new GenericData.EnumSymbol(field.schema(), symbol.name())
                    : value instanceof Instant at ? (Object) at.toEpochMilli() : value);
        }
        TestKeys.send(Topics.EVENT_DEFINITIONS, WORKSPACE + "/" + name, record);
    }
}
