package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.stack.RealStackResource;

/** Draft definitions from sample events over HTTP; same test resource as DefinitionResourceTest, so one app. */
@QuarkusTest
@QuarkusTestResource(value = RealStackResource.class, initArgs = @ResourceArg(name = "database", value = "uip_definition"))
class InferenceResourceTest {

    @Test
    void proposesDraftsFromASegmentBatch() {
        String event = "Invoice Sent " + UUID.randomUUID();
        Map<String, Object> draft = given().contentType(ContentType.JSON).header("X-UIP-Workspace", "acme").body("""
                {"batch": [
                  {"type": "track", "event": "%1$s", "properties": {"amount": 10, "currency": "EUR"}},
                  {"type": "track", "event": "%1$s", "properties": {"amount": 99.5, "sentAt": "2024-05-01T10:00:00Z"}},
                  {"type": "identify", "userId": "u-1", "traits": {}}
                ]}""".formatted(event))
                .post("/v1/definitions/infer")
                .then().statusCode(200)
                .body("received", equalTo(3))
                .body("definitions.name", contains(event))
                .body("definitions[0].status", equalTo("draft"))
                .body("definitions[0]", hasKey("description"))
                .body("definitions[0].description", nullValue())
                .body("definitions[0].properties.name", contains("amount", "currency", "sentAt"))
                .body("definitions[0].properties.type", contains("number", "string", "datetime"))
                .body("definitions[0].properties.required", contains(true, false, false))
                .body("definitions[0].properties[0]", not(hasKey("items")))
                .body("definitions[0].notes[0].path", equalTo("properties.amount"))
                .body("conflicts.size()", equalTo(0))
                .body("skipped.byType.identify", equalTo(1))
                .extract().jsonPath().getMap("definitions[0]");

        // The proposal is a valid create request as it stands.
        given().contentType(ContentType.JSON).header("X-UIP-Workspace", "acme").body(draft).post("/v1/definitions")
                .then().statusCode(201)
                .body("name", equalTo(event))
                .body("properties.type", contains("number", "string", "datetime"))
                .body("properties.required", contains(true, false, false));
    }

    @Test
    void reportsATypeConflictInsteadOfGuessing() {
        given().contentType(ContentType.JSON).body("""
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
        given().contentType(ContentType.JSON).body("{oops").post("/v1/definitions/infer").then().statusCode(400)
                .body("code", equalTo("INVALID_SAMPLES")).body("field", equalTo("$"))
                .body("message", startsWith("the body is not valid JSON"));
        given().contentType(ContentType.JSON).body("").post("/v1/definitions/infer").then().statusCode(400)
                .body("code", equalTo("INVALID_SAMPLES"));
        given().contentType(ContentType.JSON).body("{\"batch\": 5}").post("/v1/definitions/infer").then()
                .statusCode(400).body("code", equalTo("INVALID_SAMPLES")).body("field", equalTo("batch"));
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{\"event\": \"A\"}")
                .collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON).body(tooMany).post("/v1/definitions/infer").then().statusCode(400)
                .body("code", equalTo("TOO_MANY_SAMPLES")).body("field", equalTo("[1000]"));
        given().contentType(ContentType.JSON).header("X-UIP-Workspace", "Not A Workspace").body("[]")
                .post("/v1/definitions/infer").then().statusCode(400).body("field", equalTo("workspace"));
    }

    @Test
    void aDefinitionNamedInferIsStillReadable() {
        // The new route must not shadow GET /v1/definitions/{name} for a definition called "infer".
        given().header("X-UIP-Workspace", "infer-route-check").get("/v1/definitions/infer").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }
}
