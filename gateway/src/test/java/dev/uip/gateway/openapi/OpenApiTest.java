package dev.uip.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import dev.uip.gateway.proxy.ProxyTestProfile;
import dev.uip.gateway.proxy.StubServicesResource;

/**
 * The management API's one OpenAPI document, from the gateway's own routes and the stub services' documents: one
 * stub answers, one is too slow, one is not reachable.
 */
@QuarkusTest
@TestProfile(ProxyTestProfile.class)
class OpenApiTest {

    @Test
    void mergesTheGatewaysRoutesWithThePathsItPassesOnToEachService() {
        // Warm-up: the first request also loads the web client and the JSON stack, seconds on a busy two-core box.
        given().get("/api/openapi.json").then().statusCode(200);
        JsonPath document = given().get("/api/openapi.json").then().statusCode(200)
                .contentType("application/json")
                // the slow service costs one 1 s probe timeout (fetched in parallel), not its 4 s
                .time(lessThan(StubServicesResource.SLOW_MS - 1000))
                .extract().jsonPath();
        Map<String, Object> paths = document.getMap("paths");

        assertNotNull(paths.get("/api/status"), "the gateway's own route");
        assertNotNull(paths.get("/api/openapi.json"), "the gateway's own route");
        assertNotNull(paths.get("/api/v1/definitions/{name}"), "definition-service's path under /api");
        assertNotNull(paths.get("/api/v1/inspect"), "ingest-service's management path under /api");
        for (String notPassedOn : new String[]{"/api/v1/batch", "/api/v1/projects/{writeKey}/settings", "/v1/batch",
                "/api/q/health", "/q/health", "/v1/definitions/{name}"}) {
            assertFalse(paths.containsKey(notPassedOn), notPassedOn + " is not reachable through the gateway");
        }
        assertEquals("UIP management API", document.getString("info.title"));
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
    }

    @Test
    void keepsClashingSchemasApartAndTheirReferencesRight() {
        JsonPath document = given().get("/api/openapi.json").then().statusCode(200).extract().jsonPath();

        // definition's ApiError came first; ingest's differs, so it is renamed and its reference follows
        assertEquals("string", document.getString("components.schemas.ApiError.properties.code.type"));
        assertEquals("string", document.getString("components.schemas.stub-ingest_ApiError.properties.error.type"));
        assertEquals("#/components/schemas/stub-ingest_ApiError", document.getString(
                "paths.'/api/v1/inspect'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/ApiError", document.getString(
                "components.schemas.Definition.properties.error.'$ref'"));
        // both services call an operation "get": operation ids stay unique
        assertEquals("get", document.getString("paths.'/api/v1/definitions/{name}'.get.operationId"));
        assertEquals("stub-ingest_get", document.getString("paths.'/api/v1/inspect'.get.operationId"));
        // the services' own security (their service token) and servers are not the gateway's
        assertNull(document.get("paths.'/api/v1/definitions/{name}'.get.security"));
        assertNull(document.get("servers"));
    }

    @Test
    void answersWhenServicesAreDownAndSaysWhichAreMissing() {
        String description = given().get("/api/openapi.json").then().statusCode(200).extract().jsonPath()
                .getString("info.description");

        assertTrue(description.contains("stub-anomaly (no answer within 1000 ms)"), description);
        assertTrue(description.contains("stub-audit (not reachable)"), description);
        assertFalse(description.contains("stub-definition"), description);
        assertFalse(description.contains("stub-ingest"), description);
    }
}
