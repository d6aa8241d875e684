package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;

/** Draft definitions from sample events over HTTP; same test resource as DefinitionResourceTest, so one app. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class InferenceResourceTest {

    @Test
    void proposesDraftsThatAreValidCreateRequests() {
        String event = "Invoice Sent " + UUID.randomUUID();
        Map<String, Object> draft = in("acme").body("""
                {"batch": [
                  {"type": "track", "event": "%1$s", "properties": {"amount": 10, "currency": "EUR",
                    "lines": [{"sku": "a-1", "qty": 2}], "customer": {"id": 7, "vip": true}}},
                  {"type": "track", "event": "%1$s", "properties": {"amount": 99.5, "sentAt": "2024-05-01T10:00:00Z",
                    "lines": [{"sku": "b-2", "qty": 1}, {"sku": "c-3"}], "customer": {"id": 8}, "tags": ["eu"]}},
                  {"type": "identify", "userId": "u-1", "traits": {}}
                ]}""".formatted(event))
                .post("/v1/definitions/infer")
                .then().statusCode(200)
                .body("received", equalTo(3))
                .body("definitions.name", contains(event))
                .body("definitions[0].status", equalTo("draft"))
                .body("definitions[0]", hasKey("description"))
                .body("definitions[0].description", nullValue())
                .body("definitions[0]", not(hasKey("saved")))
                .body("definitions[0].properties.name",
                        contains("amount", "currency", "lines", "customer", "sentAt", "tags"))
                .body("definitions[0].properties.type",
                        contains("number", "string", "array", "object", "datetime", "array"))
                .body("definitions[0].properties.required", contains(true, false, true, true, false, false))
                .body("definitions[0].properties[0]", not(hasKey("items")))
                .body("definitions[0].properties[2].items.type", equalTo("object"))
                .body("definitions[0].properties[2].items.properties.name", contains("sku", "qty"))
                .body("definitions[0].properties[2].items.properties.required", contains(true, false))
                .body("definitions[0].properties[3].properties.type", contains("integer", "boolean"))
                .body("definitions[0].properties[5].items.type", equalTo("string"))
                .body("definitions[0].notes.path", contains("properties.amount"))
                .body("conflicts.size()", equalTo(0))
                .body("skipped.byType.identify", equalTo(1))
                .extract().jsonPath().getMap("definitions[0]");
        // Proposing stores nothing.
        in("acme").get("/v1/definitions/{name}", event).then().statusCode(404);

        // The proposal is a valid create request as it stands: a draft with the same nested structure.
        in("acme").body(draft).post("/v1/definitions")
                .then().statusCode(201)
                .body("name", equalTo(event))
                .body("status", equalTo("draft"))
                .body("schema", nullValue())
                .body("properties.type", contains("number", "string", "array", "object", "datetime", "array"))
                .body("properties.required", contains(true, false, true, true, false, false))
                .body("properties[2].items.properties.type", contains("string", "integer"))
                .body("properties[3].properties.name", contains("id", "vip"))
                .body("properties[5].items.type", equalTo("string"));
    }

    @Test
    void namesTheModelRefusesAreFlaggedNotSilentlyProposed() {
        String event = "Order Placed " + UUID.randomUUID();
        Map<String, Object> draft = in("acme").body("""
                [{"event": "%s", "properties": {"order-id": "o-1", "meta": {}, "total": 3}}]""".formatted(event))
                .post("/v1/definitions/infer")
                .then().statusCode(200)
                .body("definitions[0].notes.path", contains("properties.order-id", "properties.meta"))
                .body("definitions[0].notes[0].message", startsWith("'order-id' must be renamed"))
                .body("definitions[0].notes[1].message", containsString("needs at least one property"))
                .extract().jsonPath().getMap("definitions[0]");

        // The notes tell the truth: posted unchanged, the proposal is refused at the flagged name.
        in("acme").body(draft).post("/v1/definitions").then().statusCode(400)
                .body("code", equalTo("INVALID_DEFINITION"))
                .body("field", equalTo("properties[0].name"));
    }

    @Test
    void saveStoresConflictFreeProposalsAsDraftsAndReportsTheRest() {
        String ws = "infer-" + UUID.randomUUID().toString().substring(0, 8);
        String clean = "Report Exported " + UUID.randomUUID();
        String conflicting = "Report Failed " + UUID.randomUUID();
        String invalid = "Order Placed " + UUID.randomUUID();

        Api.as(ws, "editor", "user:carol").contentType(ContentType.JSON).queryParam("save", "true").body("""
                [{"event": "%1$s", "properties": {"rows": 12, "format": "csv"}},
                 {"event": "%1$s", "properties": {"rows": 40}},
                 {"event": "%2$s", "properties": {"code": 500}},
                 {"event": "%2$s", "properties": {"code": "E500"}},
                 {"event": "%3$s", "properties": {"order-id": "o-1"}}]""".formatted(clean, conflicting, invalid))
                .post("/v1/definitions/infer")
                .then().statusCode(200)
                .body("definitions.name", contains(clean, conflicting, invalid))
                .body("definitions.saved", contains(true, false, false))
                .body("definitions[0]", not(hasKey("reason")))
                .body("definitions[1].reason", startsWith("its samples disagree on the type of properties.code"))
                .body("definitions[2].reason", startsWith("not a valid definition yet: properties[0].name"));

        // Saved through the normal path: a draft (no schema registered) with its first version, by its actor.
        in(ws).get("/v1/definitions/{name}", clean).then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("version", equalTo(1))
                .body("schema", nullValue())
                .body("properties.name", contains("rows", "format"))
                .body("properties.type", contains("integer", "string"))
                .body("properties.required", contains(true, false));
        in(ws).get("/v1/definitions/{name}/versions", clean).then().statusCode(200)
                .body("action", contains("CREATED")).body("createdBy", contains("user:carol"));
        in(ws).get("/v1/definitions/{name}", conflicting).then().statusCode(404);
        in(ws).get("/v1/definitions/{name}", invalid).then().statusCode(404);
        // Within the caller's workspace only.
        in("acme").get("/v1/definitions/{name}", clean).then().statusCode(404);

        // And announced like any other change.
        List<GenericRecord> changes = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> DefinitionResourceTest.changesFor(clean), found -> !found.isEmpty());
        assertEquals(1, changes.size());
        assertEquals("CREATED", changes.get(0).get("action").toString());
        assertEquals("user:carol", changes.get(0).get("actor").toString());
        assertEquals(ws, changes.get(0).get("workspaceId").toString());
    }

    @Test
    void aNameClashIsReportedAndTheExistingDefinitionIsLeftAlone() {
        String ws = "infer-" + UUID.randomUUID().toString().substring(0, 8);
        String existing = "Signup " + UUID.randomUUID();
        in(ws).body("{\"name\":\"" + existing + "\",\"properties\":[{\"name\":\"plan\",\"type\":\"string\"}]}")
                .post("/v1/definitions").then().statusCode(201);

        in(ws).queryParam("save", "true").body("[{\"event\": \"" + existing + "\", \"properties\": {\"seats\": 3}}]")
                .post("/v1/definitions/infer").then().statusCode(200)
                .body("definitions[0].saved", equalTo(false))
                .body("definitions[0].reason", startsWith("an event named '" + existing + "' already exists"));
        in(ws).get("/v1/definitions/{name}", existing).then().statusCode(200)
                .body("version", equalTo(1)).body("properties.name", contains("plan"));
    }

    @Test
    void reportsATypeConflictInsteadOfGuessing() {
        Api.as("default", "editor").contentType(ContentType.JSON).body("""
                [{"event": "Report Exported", "properties": {"rows": "12"}},
                 {"event": "Report Exported", "properties": {"rows": 12}},
                 {"event": "Report Exported", "properties": {"rows": 40}}]""")
                .post("/v1/definitions/infer")
                .then().statusCode(200)
                .body("definitions[0].properties[0].type", nullValue())
                .body("conflicts[0].event", equalTo("Report Exported"))
                .body("conflicts[0].path", equalTo("properties.rows"))
                .body("conflicts[0].types.type", contains("integer", "string"))
                .body("conflicts[0].types[1].examples[0].sample", equalTo(0))
                .body("conflicts[0].types[1].examples[0].value", equalTo("12"))
                .body("conflicts[0].message", startsWith("'rows' is an integer in 2 samples and a string in 1"));
    }

    @Test
    void badInputIsA400WithCodeMessageAndField() {
        Api.as("default", "editor").contentType(ContentType.JSON).body("{oops").post("/v1/definitions/infer").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_SAMPLES")).body("field", equalTo("$"))
                .body("message", startsWith("the body is not valid JSON"));
        Api.as("default", "editor").contentType(ContentType.JSON).body("").post("/v1/definitions/infer").then()
                .statusCode(400)
                .body("code", equalTo("INVALID_SAMPLES"));
        Api.as("default", "editor").contentType(ContentType.JSON).body("{\"batch\": 5}").post("/v1/definitions/infer")
                .then()
                .statusCode(400).body("code", equalTo("INVALID_SAMPLES")).body("field", equalTo("batch"));
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{\"event\": \"A\"}")
                .collect(Collectors.joining(",", "[", "]"));
        Api.as("default", "editor").contentType(ContentType.JSON).body(tooMany).post("/v1/definitions/infer").then()
                .statusCode(400)
                .body("code", equalTo("TOO_MANY_SAMPLES")).body("field", equalTo("[1000]"));
        // A token naming no valid workspace is not one the gateway signs.
        Api.as("Not A Workspace", "editor").contentType(ContentType.JSON).body("[]")
                .post("/v1/definitions/infer").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        Api.as("default", "editor").contentType(ContentType.JSON).queryParam("save", "yes").body("[{\"event\": \"A\"}]")
                .post("/v1/definitions/infer").then().statusCode(400).body("field", equalTo("save"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer nope").body("[{\"event\": \"A\"}]")
                .post("/v1/definitions/infer").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aDefinitionNamedInferIsStillReadable() {
        // The new route must not shadow GET /v1/definitions/{name} for a definition called "infer".
        Api.as("infer-route-check", "viewer").get("/v1/definitions/infer").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    private static RequestSpecification in(String workspace) {
        return Api.as(workspace, "editor").contentType(ContentType.JSON);
    }
}
