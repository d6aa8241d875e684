package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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

import dev.uip.definition.DefinitionStack;
import dev.uip.stack.Topics;

/** Workspaces and management credentials: the workspace comes from the credential; others' data is a 404. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class WorkspaceResourceTest {

    @Test
    void aCredentialScopesEveryRequestToItsWorkspace() {
        String ws = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String key = given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + ws + "\",\"name\":\"Acme\",\"unplannedEvents\":\"quarantine\"}")
                .post("/v1/workspaces").then().statusCode(201)
                .body("workspace.unplannedEvents", equalTo("quarantine"))
                .body("credential.key", notNullValue())
                .extract().jsonPath().getString("credential.key");
        String bearer = "Bearer " + key;
        given().contentType(ContentType.JSON).body("{\"id\":\"" + ws + "\"}").post("/v1/workspaces").then()
                .statusCode(409).body("code", equalTo("WORKSPACE_CONFLICT"));

        // The credential decides the workspace; a header naming another one is ignored.
        given().header("Authorization", bearer).header("X-UIP-Workspace", "default").contentType(ContentType.JSON)
                .body("{\"name\":\"Acme Event\"}").post("/v1/definitions").then().statusCode(201)
                .body("workspace", equalTo(ws));
        given().header("Authorization", bearer).get("/v1/definitions/{name}", "Acme Event").then().statusCode(200);
        given().header("X-UIP-Workspace", "default").get("/v1/definitions/{name}", "Acme Event").then()
                .statusCode(404);
        given().header("Authorization", bearer).get("/v1/workspaces/{ws}/write-keys", "default").then()
                .statusCode(404);
        given().header("Authorization", bearer).get("/v1/workspaces/{ws}", ws).then().statusCode(200)
                .body("name", equalTo("Acme"));

        // Bad and revoked credentials are 401.
        given().header("Authorization", "Bearer uipm_nonsense").get("/v1/definitions").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        String second = given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"name\":\"ci\"}").post("/v1/workspaces/{ws}/api-credentials", ws).then().statusCode(201)
                .extract().jsonPath().getString("id");
        given().header("Authorization", bearer).get("/v1/workspaces/{ws}/api-credentials", ws).then()
                .statusCode(200).body("find { it.id == '" + second + "' }.key", nullValue());
        String firstId = given().header("Authorization", bearer).get("/v1/workspaces/{ws}/api-credentials", ws)
                .then().extract().jsonPath().getString("find { it.name == 'first credential' }.id");
        given().header("Authorization", bearer).post("/v1/workspaces/{ws}/api-credentials/{id}/revoke", ws, firstId)
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", bearer).get("/v1/definitions").then().statusCode(401);

        // The workspace's settings are on the compacted topic.
        GenericRecord state = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<GenericRecord> states = TopicReader.records(Topics.WORKSPACES,
                    record -> ws.equals(record.get("workspaceId").toString()));
            return states.isEmpty() ? null : states.get(states.size() - 1);
        }, found -> found != null);
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
