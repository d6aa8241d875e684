package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/** Sign-up: a workspace on definition-service and its first admin, signed in; and every way it is refused. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class SignupTest {

    @Test
    void createsTheWorkspaceOnDefinitionServiceAsItsAdminAndSignsIn() {
        String workspace = Browser.unique("acme");
        String email = Browser.unique("Founder") + "@Example.com";
        Response answer = given().contentType("application/json").body(Map.of("email", email, "password",
                Browser.PASSWORD, "workspace", Map.of("id", workspace, "name", "Acme Inc."))).post("/auth/signup")
                .then().statusCode(201)
                .body("user.email", equalTo(email.toLowerCase()))
                .body("workspace.id", equalTo(workspace))
                .body("workspace.name", equalTo("Acme Inc."))
                .body("role", equalTo("admin"))
                .body("workspaces", hasSize(1))
                .extract().response();
        String setCookie = answer.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith("uip_session="), setCookie);
        for (String flag : List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/")) {
            assertTrue(setCookie.contains(flag), flag + " missing: " + setCookie);
        }
        assertNotNull(answer.jsonPath().getString("csrfToken"));

        DefinitionStub.Call call = DefinitionStub.lastFor(workspace);
        assertNotNull(call, "definition-service was not asked to create the workspace");
        assertEquals("Acme Inc.", call.body().getString("name"));
        JsonObject claims = claims(call.authorization());
        assertEquals("uip-gateway", claims.getString("iss"));
        assertEquals(workspace, claims.getString("ws"));
        assertEquals("admin", claims.getString("role"));
        assertEquals("user:" + answer.jsonPath().getString("user.id"), claims.getString("sub"));

        Browser.of(answer).request().get("/auth/session").then().statusCode(200)
                .body("workspace.id", equalTo(workspace)).body("role", equalTo("admin"));
    }

    @Test
    void refusesATakenEmailOrWorkspaceWith409() {
        Browser first = Browser.signup();
        signup(first.email().toUpperCase(), Browser.unique("other")).then().statusCode(409)
                .body("code", equalTo("EMAIL_TAKEN"));
        signup(Browser.unique("someone") + "@example.com", first.workspace()).then().statusCode(409)
                .body("code", equalTo("WORKSPACE_TAKEN"));
    }

    @Test
    void aWorkspaceDefinitionServiceHasAlreadyIs409AndLeavesNoUserBehind() {
        String email = Browser.unique("late") + "@example.com";
        signup(email, DefinitionStub.TAKEN_PREFIX + Browser.unique("x")).then().statusCode(409)
                .body("code", equalTo("WORKSPACE_TAKEN"));
        // no user was kept: the same email signs up with a free workspace id, and could not sign in before
        given().contentType("application/json").body(Map.of("email", email, "password", Browser.PASSWORD))
                .post("/auth/signin").then().statusCode(401);
        signup(email, Browser.unique("free")).then().statusCode(201);
    }

    @Test
    void refusesBadInputWith400AndNeverCallsDefinitionService() {
        int calls = DefinitionStub.CALLS.size();
        String ws = Browser.unique("bad");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("email", "not-an-email", "password", Browser.PASSWORD, "workspace", Map.of("id", ws)),
                Map.of("email", "a".repeat(250) + "@example.com", "password", Browser.PASSWORD, "workspace",
                        Map.of("id", ws)),
                Map.of("email", "short@example.com", "password", "elevenchars", "workspace", Map.of("id", ws)),
                Map.of("email", "long@example.com", "password", "p".repeat(1025), "workspace", Map.of("id", ws)),
                Map.of("email", "ws@example.com", "password", Browser.PASSWORD, "workspace", Map.of("id", "Bad Id")),
                Map.of("email", "ws@example.com", "password", Browser.PASSWORD, "workspace",
                        Map.of("id", "x".repeat(64))),
                Map.of("email", "ws@example.com", "password", Browser.PASSWORD, "workspace",
                        Map.of("id", ws, "name", "n".repeat(201))),
                Map.of("email", "ws@example.com", "password", Browser.PASSWORD))) {
            given().contentType("application/json").body(body).post("/auth/signup").then().statusCode(400)
                    .body("code", equalTo("BAD_REQUEST"));
        }
        given().contentType("application/json").post("/auth/signup").then().statusCode(400);
        given().contentType("application/json").body("{not json").post("/auth/signup").then().statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
        assertEquals(calls, DefinitionStub.CALLS.size());
    }

    @Test
    void acceptsAPasswordOfExactly1024Characters() {
        String email = Browser.unique("longpass") + "@example.com";
        given().contentType("application/json").body(Map.of("email", email, "password", "p".repeat(1024),
                "workspace", Map.of("id", Browser.unique("lp")))).post("/auth/signup").then().statusCode(201);
        given().contentType("application/json").body(Map.of("email", email, "password", "p".repeat(1024)))
                .post("/auth/signin").then().statusCode(200);
    }

    static Response signup(String email, String workspace) {
        return given().contentType("application/json").body(Map.of("email", email, "password", Browser.PASSWORD,
                "workspace", Map.of("id", workspace, "name", workspace))).post("/auth/signup");
    }

    /** The claims of a {@code Bearer <jwt>} header (the signature is the services' business). */
    static JsonObject claims(String authorization) {
        assertNotNull(authorization);
        assertTrue(authorization.startsWith("Bearer "), authorization);
        String payload = authorization.substring(7).split("\\.")[1];
        return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
