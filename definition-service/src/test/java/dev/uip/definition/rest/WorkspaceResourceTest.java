package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.stack.Topics;

/** Workspaces: created only with an admin token for that workspace; the token scopes every request to it. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class WorkspaceResourceTest {

    @Test
    void aTokenScopesEveryRequestToItsWorkspace() {
        String ws = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":\"" + ws + "\",\"name\":\"Acme\",\"unplannedEvents\":\"quarantine\"}";
        // Only an admin token for that very workspace creates it (the gateway mints one at sign-up).
        Api.as(ws, "editor").contentType(ContentType.JSON).body(body).post("/v1/workspaces").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Api.as("default", "admin").contentType(ContentType.JSON).body(body).post("/v1/workspaces").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        Api.as(ws, "admin").contentType(ContentType.JSON).body(body).post("/v1/workspaces").then().statusCode(201)
                .header("Location", endsWith("/v1/workspaces/" + ws))
                .body("id", equalTo(ws)).body("unplannedEvents", equalTo("quarantine"))
                .body("$", not(hasKey("credential")));
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"id\":\"" + ws + "\"}").post("/v1/workspaces")
                .then().statusCode(409).body("code", equalTo("WORKSPACE_CONFLICT"));

        // The token decides the workspace of definitions; another workspace's token does not see them.
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"name\":\"Acme Event\"}").post("/v1/definitions")
                .then().statusCode(201).body("workspace", equalTo(ws));
        Api.as(ws, "viewer").get("/v1/definitions/{name}", "Acme Event").then().statusCode(200);
        Api.as("default", "viewer").get("/v1/definitions/{name}", "Acme Event").then().statusCode(404);
        // A path naming another workspace than the token's is a 404, as if it did not exist.
        Api.as(ws, "admin").get("/v1/workspaces/{ws}/write-keys", "default").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.as(ws, "admin").get("/v1/workspaces/{ws}", "default").then().statusCode(404);
        Api.as(ws, "viewer").get("/v1/workspaces/{ws}", ws).then().statusCode(200).body("name", equalTo("Acme"));

        // Settings are an admin's: an editor may not change them.
        Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"name\":\"Not Acme\"}").put("/v1/workspaces/{ws}",
                ws).then().statusCode(403);
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"name\":\"Acme Inc\"}").put("/v1/workspaces/{ws}",
                ws).then().statusCode(200).body("name", equalTo("Acme Inc"));

        // Management credentials of the old kind are gone: refused, and their endpoints no longer exist.
        given().header("Authorization", "Bearer uipm_" + "0".repeat(40)).get("/v1/definitions").then()
                .statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        Api.as(ws, "admin").contentType(ContentType.JSON).body("{\"name\":\"ci\"}")
                .post("/v1/workspaces/{ws}/api-credentials", ws).then().statusCode(404);

        // The workspace's settings are on the compacted topic.
        GenericRecord state = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<GenericRecord> states = TopicReader.records(Topics.WORKSPACES,
                    record -> ws.equals(record.get("workspaceId").toString()));
            return states.isEmpty() ? null : states.get(states.size() - 1);
        }, found -> found != null && "Acme Inc".equals(found.get("name").toString()));
        assertEquals("QUARANTINE", state.get("unplannedEvents").toString());
    }

    @Test
    void openApiDocumentsTheRegistry() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/v1/definitions"))
                .body("paths", hasKey("/v1/definitions/{name}/diff"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
