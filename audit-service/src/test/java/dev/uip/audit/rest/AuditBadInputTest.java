package dev.uip.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
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

import dev.uip.audit.AuditStack;
import dev.uip.audit.Calls;
import dev.uip.stack.RawHttp;
import dev.uip.stack.TestTokens;

/** Odd and hostile input to every route of the audit API: always a 2xx or a 4xx JSON error, never a 5xx. */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class AuditBadInputTest {

    static final String LONG_NAME = "w".repeat(3000);

    @AfterEach
    void staysReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void refusesLimitsItCannotAnswer() {
        for (String limit : List.of("-1", "0", "abc", "1000000000000", "9".repeat(400), "1e3", "0x10", "1.5", "５",
                "NaN", " ", "%00", "501")) {
            Response answer = Calls.asViewer("default").urlEncodingEnabled(true).queryParam("limit", limit)
                    .get("/v1/audit");
            if (limit.isBlank()) {
                answer.then().statusCode(200);
                continue;
            }
            answer.then().statusCode(400).contentType(containsString("application/json"))
                    .body("code", equalTo("INVALID_LIMIT"));
        }
        Calls.asViewer("default").queryParam("limit", "500").get("/v1/audit").then().statusCode(200);
    }

    @Test
    void answersAnyWorkspaceButTheTokensAsNotFound() {
        for (String workspace : List.of(LONG_NAME, "w".repeat(64), "Ws", "ws\u0000x", "\u0000", "ws\ud83d\ude00",
                "ωσ", "../../etc/passwd", "ws/../other", "ws' OR '1'='1", "ws%", "<script>alert(1)</script>",
                "ws\nws", "-ws", " ws", "other")) {
            Calls.asViewer("ws").queryParam("workspace", workspace).get("/v1/audit").then()
                    .statusCode(404).contentType(containsString("application/json"))
                    .body("code", equalTo("NOT_FOUND"))
                    .body("message", notNullValue())
                    // Never reflected: as if the workspace did not exist.
                    .body(not(workspace));
            Response byPath = Calls.asViewer("ws").get("/v1/audit/{workspace}", workspace);
            assertClientErrorOrSuccess(byPath, "path " + workspace);
            // 400 for the few names the HTTP layer refuses before any route (a NUL, a traversal)
            byPath.then().statusCode(anyOf(equalTo(404), equalTo(400)));
        }
        // an empty workspace parameter names none: the token's trail
        Calls.asViewer("w".repeat(63)).queryParam("workspace", "").get("/v1/audit").then().statusCode(200);
        Calls.asViewer("w".repeat(63)).get("/v1/audit").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void answersHostileInputToTheChainAndQueryRoutesWithJson() {
        for (String route : List.of("verify", "entries", "export", "markers")) {
            for (String workspace : List.of(LONG_NAME, "ws%00", "../default", "other")) {
                Response answer = Calls.asViewer("default").get("/v1/audit/{w}/" + route, workspace);
                assertClientErrorOrSuccess(answer, route + " of " + workspace);
                answer.then().statusCode(anyOf(equalTo(404), equalTo(400)));
            }
            for (String query : List.of("limit=%00", "cursor=%ZZ", "cursor=" + "A".repeat(5000), "from=%00",
                    "to=9999-99-99", "from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", "event=" + "e".repeat(4000),
                    "entityId=%ed%a0%80", "actor=%c0%ae", "event=Signup&event=Other", "format=csv&format=xml",
                    "format=%00", "event=a%0Ab")) {
                assertClientErrorOrSuccess(RawHttp.get(RestAssured.port, "/v1/audit/default/" + route + "?" + query,
                        TestTokens.bearer("default", "viewer")), route + "?" + query);
            }
        }
    }

    @Test
    void answersRawEncodingsAndRepeatedParametersWithoutFailing() {
        // Query strings sent as they are: invalid percent-encoding, overlong UTF-8, NUL, lone surrogates.
        for (String query : List.of("workspace=%00", "workspace=%ZZ", "workspace=%c0%ae%c0%ae", "workspace=%ed%a0%80",
                "workspace=default&workspace=other", "workspace=default&limit=1&limit=-1", "limit=5",
                "workspace=default&limit=%00", "workspace=" + "%41".repeat(1000), "workspace=" + "%41".repeat(2000))) {
            assertClientErrorOrSuccess(RawHttp.get(RestAssured.port, "/v1/audit?" + query, TestTokens.bearer(
                    "default", "viewer")), query);
        }
    }

    @Test
    void answersUnknownRoutesMethodsAndTraversalWithJson() {
        for (String path : List.of("/v1/audit/../../etc/passwd", "/v1/audit/%2e%2e/%2e%2e/etc/passwd",
                "/v1/audit/x", "/v1/../q/metrics/../../etc", "/v1/audit%00", "/nothing-here", "/v1/audit/%c0%ae%c0%ae/",
                "/..%2f..%2fetc%2fpasswd", "/%2e%2e%5c%2e%2e%5cwindows")) {
            RawHttp.Answer answer = RawHttp.get(RestAssured.port, path + "?workspace=default", TestTokens.bearer(
                    "default", "viewer"));
            assertClientErrorOrSuccess(answer, path);
            assertTrue(answer.status() != 200 || answer.contentType().contains("json"), path);
        }
        Response post = Calls.asViewer("default").body("{}").contentType("application/json")
                .post("/v1/audit");
        assertClientErrorOrSuccess(post, "POST");
        post.then().statusCode(405);
        Response delete = Calls.asViewer("default").delete("/v1/audit");
        assertClientErrorOrSuccess(delete, "DELETE");
        Calls.asViewer("default").accept("application/xml").get("/v1/audit").then()
                .statusCode(anyOf(equalTo(200), equalTo(406)));
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
        answer.then().time(lessThan(10_000L));
    }

    static org.hamcrest.Matcher<String> not(String sent) {
        return org.hamcrest.Matchers.not(containsString(sent));
    }
}
