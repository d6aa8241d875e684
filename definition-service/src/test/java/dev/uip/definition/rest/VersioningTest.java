package dev.uip.definition.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.stack.RealStack;

/** Versions, compatibility refusal, breaking publication, drafts, archive and restore on the real registry. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class VersioningTest {

    static final String WS = "versioning";

    static RequestSpecification api() {
        return Api.as(WS, "editor", "user:carol").contentType(ContentType.JSON);
    }

    static String body(String name, String properties) {
        return "{\"name\":\"" + name + "\",\"ownerTeam\":\"billing\",\"keyEvent\":true,\"criticality\":\"high\","
                + "\"tags\":[\"finance\"],\"properties\":[" + properties + "]}";
    }

    @Test
    void incompatibleChangesAreRefusedWithReasonsUnlessBreaking() throws Exception {
        String name = "Report Exported " + UUID.randomUUID();
        long v1 = api().body(body(name, "{\"name\":\"rows\",\"type\":\"integer\",\"required\":true}"))
                .post("/v1/definitions").then().statusCode(201)
                .body("status", equalTo("active")).body("criticality", equalTo("high"))
                .body("publishedVersion", equalTo(1))
                .extract().jsonPath().getLong("schema.globalId");

        api().body(body(name, "{\"name\":\"rows\",\"type\":\"string\",\"required\":true},"
                + "{\"name\":\"plan\",\"type\":\"string\",\"required\":true}"))
                .put("/v1/definitions/{name}", name).then().statusCode(409)
                .body("code", equalTo("INCOMPATIBLE_CHANGE"))
                .body("reasons", contains(
                        "property 'rows' changed from integer to string: consumers reading 'rows' as a string would"
                                + " fail on the integer values of events recorded before this version",
                        "new required property 'plan' has no default: events recorded before this version do not"
                                + " have it"));
        // Refused means nothing changed.
        api().get("/v1/definitions/{name}", name).then().body("version", equalTo(1));

        // A compatible change: a new version, registered.
        long v2 = api().body(body(name, "{\"name\":\"rows\",\"type\":\"integer\",\"required\":true},"
                + "{\"name\":\"plan\",\"type\":\"enum\",\"allowedValues\":[\"free\",\"pro\"]}"))
                .put("/v1/definitions/{name}", name).then().statusCode(200)
                .body("version", equalTo(2)).body("publishedVersion", equalTo(2))
                .extract().jsonPath().getLong("schema.globalId");
        assertNotEquals(v1, v2);

        // Published on purpose as breaking: accepted, flagged, and the registry's rule is BACKWARD again afterwards.
        api().body(body(name, "{\"name\":\"rows\",\"type\":\"string\",\"required\":true}"))
                .put("/v1/definitions/{name}?breaking=true", name).then().statusCode(200)
                .body("version", equalTo(3)).body("properties[0].type", equalTo("string"));
        assertEquals(200, registry("/groups/" + WS + "/artifacts/" + encode(name) + "/rules/COMPATIBILITY")
                .statusCode());
        assertEquals(true, registry("/groups/" + WS + "/artifacts/" + encode(name) + "/rules/COMPATIBILITY").body()
                .contains("BACKWARD"));
        // Every published version is a registry version of the one artifact.
        assertEquals(true, registry("/groups/" + WS + "/artifacts/" + encode(name) + "/versions").body()
                .contains("\"count\":3"));

        api().get("/v1/definitions/{name}/versions", name).then().statusCode(200)
                .body("version", contains(1, 2, 3)).body("breaking", contains(false, false, true))
                .body("action", contains("CREATED", "UPDATED", "UPDATED"))
                .body("[0].schemaText", nullValue());
        api().get("/v1/definitions/{name}/versions/3", name).then().statusCode(200)
                .body("schemaText", notNullValue()).body("definition.properties[0].type", equalTo("string"))
                .body("createdBy", equalTo("user:carol"));
        api().get("/v1/definitions/{name}/diff?from=1&to=3", name).then().statusCode(200)
                .body("changed.find { it.path == 'rows' && it.field == 'type' }.from", equalTo("integer"))
                .body("changed.find { it.path == 'rows' && it.field == 'type' }.to", equalTo("string"));
        api().get("/v1/definitions/{name}/diff?from=2&to=3", name).then().statusCode(200)
                .body("removed.path", contains("plan"));
        api().get("/v1/definitions/{name}/diff?from=1&to=9", name).then().statusCode(404);
        api().get("/v1/definitions/{name}/diff?from=x&to=2", name).then().statusCode(400)
                .body("field", equalTo("from"));
    }

    @Test
    void draftsPublishArchiveRestoreAndNeverDelete() {
        String name = "Invoice Drafted " + UUID.randomUUID();
        api().body("{\"name\":\"" + name + "\",\"status\":\"draft\",\"properties\":[{\"name\":\"amount\","
                + "\"type\":\"number\",\"required\":true,\"minimum\":0}]}").post("/v1/definitions").then()
                .statusCode(201).body("status", equalTo("draft")).body("schema", nullValue());
        api().post("/v1/definitions/{name}/publish", name).then().statusCode(200)
                .body("status", equalTo("active")).body("version", equalTo(2))
                .body("schema.globalId", notNullValue());
        api().post("/v1/definitions/{name}/publish", name).then().statusCode(409).body("code", equalTo("NOT_A_DRAFT"));

        api().post("/v1/definitions/{name}/archive", name).then().statusCode(200).body("status", equalTo("archived"));
        api().body(body(name, "")).put("/v1/definitions/{name}", name).then().statusCode(409)
                .body("code", equalTo("ARCHIVED"));
        api().get("/v1/definitions?status=archived&size=200").then().statusCode(200).body("items.name", hasItem(name));
        api().post("/v1/definitions/{name}/restore", name).then().statusCode(200).body("status", equalTo("active"))
                .body("version", equalTo(4));
        api().post("/v1/definitions/{name}/restore", name).then().statusCode(409)
                .body("code", equalTo("NOT_ARCHIVED"));

        api().delete("/v1/definitions/{name}", name).then().statusCode(405)
                .body("code", equalTo("DELETE_NOT_SUPPORTED"));
        api().get("/v1/definitions/{name}", name).then().statusCode(200);
    }

    @Test
    void listsArePagedAndFiltered() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            api().body("{\"name\":\"Paged " + team + " " + i + "\",\"ownerTeam\":\"" + team + "\",\"keyEvent\":"
                    + (i == 0) + ",\"tags\":[\"t" + i + "\"],\"description\":\"needle " + i + "\"}")
                    .post("/v1/definitions").then().statusCode(201);
        }
        api().get("/v1/definitions?owner={team}&size=2", team).then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("size", equalTo(2));
        api().get("/v1/definitions?owner={team}&size=2&page=1", team).then().statusCode(200)
                .body("items.size()", equalTo(1));
        api().get("/v1/definitions?owner={team}&keyEvent=true", team).then().body("total", equalTo(1));
        api().get("/v1/definitions?owner={team}&tag=t2", team).then().body("items[0].name", equalTo("Paged " + team
                + " 2"));
        api().get("/v1/definitions?owner={team}&q=NEEDLE 1", team).then().body("total", equalTo(1));
        api().get("/v1/definitions?size=500").then().statusCode(400).body("field", equalTo("size"));
        api().get("/v1/definitions?status=gone").then().statusCode(400).body("field", equalTo("status"));
        Api.as("someone-else", "viewer").get("/v1/definitions?owner={team}", team).then()
                .body("total", equalTo(0)).body("items.name", not(hasItem("Paged " + team + " 0")));
    }

    @Test
    void constraintsAreValidatedWithTheirPath() {
        api().body("{\"name\":\"Bad Pattern\",\"properties\":[{\"name\":\"code\",\"type\":\"string\","
                + "\"pattern\":\"([a-z\"}]}").post("/v1/definitions").then().statusCode(400)
                .body("code", equalTo("INVALID_DEFINITION")).body("field", equalTo("properties[0].pattern"));
        api().body("{\"name\":\"Bad Nested\",\"properties\":[{\"name\":\"lines\",\"type\":\"array\",\"items\":"
                + "{\"type\":\"object\",\"properties\":[{\"name\":\"qty\",\"type\":\"integer\",\"minimum\":5,"
                + "\"maximum\":1}]}}]}").post("/v1/definitions").then().statusCode(400)
                .body("field", equalTo("properties[0].items.properties[0].minimum"));
        api().body("{\"name\":\"Bad Criticality\",\"criticality\":\"urgent\"}").post("/v1/definitions").then()
                .statusCode(400).body("field", equalTo("criticality"));
    }

    static HttpResponse<String> registry(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RealStack.get().registryUrl()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
