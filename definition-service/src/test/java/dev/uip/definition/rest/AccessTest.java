package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.response.ValidatableResponse;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.stack.TestTokens;
import dev.uip.stack.Topics;

/**
 * Only the gateway's service token gets in: without one, or with an expired or forged one, a call is a 401 JSON
 * error; a role too low is a 403; workspace and actor come from the token, never from a header.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AccessTest {

    static final String DEFINITION = "{\"name\":\"%s\",\"properties\":[{\"name\":\"a\",\"type\":\"string\"}]}";

    @Test
    void noTokenIsA401JsonError() {
        unauthenticated(given().get("/v1/definitions").then());
        unauthenticated(given().contentType(ContentType.JSON).body(DEFINITION.formatted("No Token"))
                .post("/v1/definitions").then());
        unauthenticated(given().get("/v1/workspaces/{ws}/write-keys", "default").then());
        // The headers of the old trusted mode open nothing.
        unauthenticated(given().header("X-UIP-Workspace", "default").header("X-UIP-Actor", "alice")
                .get("/v1/quarantine").then());
    }

    @Test
    void expiredForgedAndMalformedTokensAre401() {
        String expired = TestTokens.token("default", "admin", "user:late", Duration.ofMinutes(-5));
        unauthenticated(given().header("Authorization", "Bearer " + expired).get("/v1/definitions").then());
        unauthenticated(given().header("Authorization", "Bearer " + TestTokens.forged("default", "admin"))
                .contentType(ContentType.JSON).body(DEFINITION.formatted("Forged")).post("/v1/definitions").then());
        for (String header : List.of("Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz",
                "Bearer uipm_" + "0".repeat(40))) {
            unauthenticated(given().header("Authorization", header).get("/v1/rules").then());
        }
        // A token with a role the service does not know is not one the gateway signs.
        unauthenticated(given().header("Authorization", "Bearer " + TestTokens.token("default", "owner", "user:x",
                Duration.ofMinutes(5))).get("/v1/definitions").then());
    }

    @Test
    void aViewerReadsButDoesNotWrite() {
        String ws = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(ws, "viewer").get("/v1/definitions").then().statusCode(200);
        forbidden(Api.as(ws, "viewer").contentType(ContentType.JSON).body(DEFINITION.formatted("Viewer Event"))
                .post("/v1/definitions").then());
        forbidden(Api.as(ws, "viewer").contentType(ContentType.JSON).body("{}").put("/v1/calls/group/rules/stopped")
                .then());
        forbidden(Api.as(ws, "viewer").contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/v1/quarantine/discard").then());
        // Write keys are an admin's, not an editor's.
        forbidden(Api.as(ws, "editor").contentType(ContentType.JSON).body("{\"name\":\"k\"}")
                .post("/v1/workspaces/{ws}/write-keys", ws).then());
        Api.as(ws, "viewer").get("/v1/definitions").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theActorOfEveryChangeIsTheTokensSubject() {
        String ws = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "token:" + UUID.randomUUID();
        String name = "Actor Event " + UUID.randomUUID();
        // Headers naming another workspace and actor are ignored.
        Api.as(ws, "admin", subject).header("X-UIP-Workspace", "default").header("X-UIP-Actor", "mallory")
                .contentType(ContentType.JSON).body(DEFINITION.formatted(name)).post("/v1/definitions").then()
                .statusCode(201).body("workspace", equalTo(ws));
        Api.as(ws, "admin", subject).contentType(ContentType.JSON).body("{}").put("/v1/events/{e}/rules/spike", name)
                .then().statusCode(201).body("actor", equalTo(subject));
        String keyId = Api.as(ws, "admin", subject).contentType(ContentType.JSON).body("{\"name\":\"k\"}")
                .post("/v1/workspaces/{ws}/write-keys", ws).then().statusCode(201).body("createdBy", equalTo(subject))
                .extract().jsonPath().getString("id");
        Api.as(ws, "admin", subject).get("/v1/definitions/{name}/versions", name).then().statusCode(200)
                .body("createdBy[0]", equalTo(subject));

        for (String entity : List.of(name, keyId)) {
            GenericRecord change = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> TopicReader.records(Topics.DEFINITION_CHANGES,
                            r -> entity.equals(r.get("entityId").toString())),
                    found -> !found.isEmpty()).get(0);
            assertEquals(subject, change.get("actor").toString(), entity);
            assertEquals(ws, change.get("workspaceId").toString(), entity);
        }
    }

    static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType(containsString("application/json"))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED")).body("message", org.hamcrest.Matchers.notNullValue());
    }

    static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType(containsString("application/json"))
                .body("code", equalTo("FORBIDDEN")).body("message", org.hamcrest.Matchers.notNullValue());
    }
}
