package dev.uip.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.uip.gateway.account.GatewayStack;
import dev.uip.stack.RawHttp;

/** Odd and hostile input to every route of the gateway: always a 2xx or a 4xx JSON error, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(value = FakeServicesResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GatewayStack.class, restrictToAnnotatedClass = true)
class GatewayBadInputTest {

    @AfterEach
    void staysReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void ignoresQueryParametersItDoesNotTake() {
        for (String query : List.of("limit=-1", "limit=abc", "limit=1000000000000", "workspace=" + "w".repeat(3000),
                "workspace=%00", "workspace=%ZZ", "workspace=%c0%ae%c0%ae", "workspace=%ed%a0%80", "service=../../x",
                "a=1&a=2", "=", "&&&", "%F0%9F%98%80=%F0%9F%98%80")) {
            RawHttp.Answer answer = RawHttp.get(RestAssured.port, "/api/status?" + query);
            assertClientErrorOrSuccess(answer, query);
            assertTrue(answer.status() == 200 || answer.status() == 400, query + " answered " + answer.status());
        }
    }

    @Test
    void answersTraversalAndUnknownPathsWithJsonAndNeverServesAFileOutsideTheConsole() {
        for (String path : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                "/console.js/../../application.properties", "/%2e%2e%5c%2e%2e%5capplication.properties",
                "/application.properties", "/META-INF/resources/console.js", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/console.js%00.html", "/api/status/../../etc/passwd", "/api/status/x", "/api/%00", "/api",
                "/nothing-here", "/" + "a".repeat(3000), "/%CF%89%CF%83/%F0%9F%98%80", "/q/nothing")) {
            RawHttp.Answer answer = RawHttp.get(RestAssured.port, path);
            assertClientErrorOrSuccess(answer, path);
            assertTrue(!answer.body().contains("root:") && !answer.body().contains("quarkus.http.port"), path);
            assertTrue(answer.status() != 200 || path.startsWith("/q/health"), path + " answered 200");
        }
    }

    @Test
    void refusesMethodsARouteDoesNotTakeWithJson() {
        for (Response answer : List.of(given().body("{}").contentType("application/json").post("/api/status"),
                given().delete("/api/status"), given().put("/api/status"), given().post("/"),
                given().body("x".repeat(100_000)).post("/api/status"))) {
            assertClientErrorOrSuccess(answer, "a method");
            assertTrue(answer.statusCode() >= 400, "refused: " + answer.statusCode());
        }
    }

    static void assertClientErrorOrSuccess(RawHttp.Answer answer, String what) {
        assertNull(answer.problem(what));
    }

    static void assertClientErrorOrSuccess(Response answer, String what) {
        int status = answer.statusCode();
        assertTrue(status < 500, what + " answered " + status + ": " + answer.asString());
        if (status >= 400) {
            assertTrue(answer.contentType() != null && answer.contentType().contains("application/json"),
                    what + " answered " + status + " as " + answer.contentType() + ": " + answer.asString());
            answer.then().body("code", notNullValue()).body("message", notNullValue());
        }
    }
}
