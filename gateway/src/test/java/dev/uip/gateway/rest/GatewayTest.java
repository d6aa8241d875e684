package dev.uip.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.uip.gateway.account.GatewayStack;

/** The status API against real HTTP endpoints, and the console it serves. */
@QuarkusTest
@QuarkusTestResource(value = FakeServicesResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GatewayStack.class, restrictToAnnotatedClass = true)
class GatewayTest {

    @Test
    void reportsEachServiceUpOrDownWithinTheTimeout() {
        // Warm-up: the first request also loads the web client and the JSON stack, seconds on a busy two-core box.
        given().get("/api/status").then().statusCode(200);
        JsonPath status = given().get("/api/status").then().statusCode(200)
                // Probes run in parallel: the slow service costs one 2 s timeout, not the sum of all probes.
                .time(lessThan((long) FakeServicesResource.SLOW_MS - 1000))
                .extract().jsonPath();

        assertEquals(List.of("anomaly", "audit", "definition", "ingest"), status.getList("name"));
        assertEquals("UP", field(status, "ingest", "status"));
        assertEquals("DOWN", field(status, "definition", "status"));
        assertEquals("HTTP 503, down: schema-registry", field(status, "definition", "detail"));
        assertEquals("DOWN", field(status, "anomaly", "status"));
        assertEquals("no answer within 2000 ms", field(status, "anomaly", "detail"));
        assertEquals("DOWN", field(status, "audit", "status"));
    }

    @Test
    void servesTheConsole() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>UIP console</title>"))
                .body(containsString("console.js"));
        given().get("/console.js").then().statusCode(200).body(containsString("/api/status"));
        given().get("/console.css").then().statusCode(200);
    }

    @Test
    void isReadyItself() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/status").then().body("find { it.name == 'ingest' }.url", endsWith("/ready"));
    }

    static String field(JsonPath status, String service, String field) {
        return status.getString("find { it.name == '" + service + "' }." + field);
    }
}
