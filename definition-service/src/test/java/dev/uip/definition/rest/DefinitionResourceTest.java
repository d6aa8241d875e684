package dev.uip.definition.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/** Definitions against real PostgreSQL, the real registry and the real broker. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class DefinitionResourceTest {

    static final String BODY = """
            {"name": "%s", "description": "An invoice was sent",
             "properties": [{"name": "amount", "type": "number", "required": true},
                            {"name": "plan", "type": "string", "required": false}]}""";

    @Test
    void createStoresRegistersAndPublishes() {
        String name = "Invoice Sent " + UUID.randomUUID();
        long globalId = Api.as("default", "editor", "user:alice").contentType(ContentType.JSON)
                .body(BODY.formatted(name))
                .post("/v1/definitions")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .body("version", equalTo(1))
                .body("schema.groupId", equalTo("default"))
                .body("schema.globalId", notNullValue())
                .extract().jsonPath().getLong("schema.globalId");

        // Stored: readable back from PostgreSQL and listed.
        Api.as("default", "viewer").get("/v1/definitions/{name}", name).then().statusCode(200)
                .body("properties[0].type", equalTo("number"))
                .body("properties[1].required", equalTo(false));
        Api.as("default", "viewer").get("/v1/definitions").then().statusCode(200).body("items.name", hasItem(name));

        // Registered: the registry holds the generated schema in the workspace's group.
        var registry = RegistryClientFacadeFactory.create(new SchemaResolverConfig(
                Map.of(SchemaResolverConfig.REGISTRY_URL, RealStack.get().registryUrl())));
        Schema schema = new Schema.Parser().parse(registry.getSchemaByGlobalId(globalId, false));
        assertEquals(List.of("amount", "plan"), schema.getFields().stream().map(Schema.Field::name).toList());

        // Published: a DefinitionChanged record on definition-changes.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> changesFor(name).size() == 1);
        GenericRecord change = changesFor(name).get(0);
        assertEquals("CREATED", change.get("action").toString());
        assertEquals("user:alice", change.get("actor").toString());
        assertTrue(change.get("after").toString().contains("\"amount\""));
    }

    @Test
    void badInputGetsClearErrors() {
        String name = "Signup " + UUID.randomUUID();
        Api.as("default", "editor").contentType(ContentType.JSON).body(BODY.formatted(name)).post("/v1/definitions")
                .then()
                .statusCode(201);
        Api.as("default", "editor").contentType(ContentType.JSON).body(BODY.formatted(name)).post("/v1/definitions")
                .then()
                .statusCode(409).body("code", equalTo("NAME_CONFLICT"));
        Api.as("default", "editor").contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"properties\":[{\"name\":\"a\",\"type\":\"colour\",\"required\":true}]}")
                .post("/v1/definitions").then().statusCode(400).body("code", equalTo("INVALID_DEFINITION"))
                .body("field", equalTo("properties[0].type"));
        Api.as("default", "editor").contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"properties\":[{\"name\":\"bad name\",\"type\":\"string\"}]}")
                .post("/v1/definitions").then().statusCode(400).body("field", equalTo("properties[0].name"));
        Api.as("default", "editor").contentType(ContentType.JSON).body("{oops").post("/v1/definitions").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_DEFINITION")).body("field", equalTo("$"));
        Api.as("default", "viewer").get("/v1/definitions/{name}", "nope " + UUID.randomUUID()).then().statusCode(404);
        // Another workspace does not see this one's definitions.
        Api.as("other", "viewer").get("/v1/definitions/{name}", name).then().statusCode(404);
    }

    static List<GenericRecord> changesFor(String name) {
        return TopicReader.records(Topics.DEFINITION_CHANGES, record -> name.equals(record.get("entityId").toString()));
    }
}
