package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import dev.uip.schemas.keys.KeyFormat;

/** Personal API tokens: made with a role up to one's own, shown once, listed, and refused right after revocation. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class TokenTest {

    @Test
    void aTokenWorksUntilRevokedAndIsRefusedRightAfter() {
        Browser admin = Browser.signup();
        JsonPath created = admin.request().body(Map.of("name", "deploy script")).post("/api/v1/tokens").then()
                .statusCode(201).body("role", equalTo("admin")).body("name", equalTo("deploy script"))
                .body("token", startsWith("uipm_")).extract().jsonPath();
        String token = created.getString("token");
        assertTrue(KeyFormat.MANAGEMENT.isWellFormed(token), token);
        bearer(token).get("/api/v1/members").then().statusCode(200).body("", hasSize(1));
        admin.request().get("/api/v1/tokens").then().statusCode(200)
                .body("id", hasItem(created.getString("id")))
                .body("find { it.id == '" + created.getString("id") + "' }.token", nullValue())
                .body("find { it.id == '" + created.getString("id") + "' }.prefix", startsWith("uipm_"));

        admin.request().delete("/api/v1/tokens/" + created.getString("id")).then().statusCode(204);
        bearer(token).get("/api/v1/members").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        admin.request().get("/api/v1/tokens").then().body("id", not(hasItem(created.getString("id"))));
        admin.request().delete("/api/v1/tokens/" + created.getString("id")).then().statusCode(404);
    }

    @Test
    void aTokensRoleCannotExceedItsMakersOwn() {
        Browser admin = Browser.signup();
        Browser editor = InvitationTest.join(admin, "editor");
        editor.request().body(Map.of("name", "too much", "role", "admin")).post("/api/v1/tokens").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        String token = editor.request().body(Map.of("name", "mine")).post("/api/v1/tokens").then().statusCode(201)
                .body("role", equalTo("editor")).extract().jsonPath().getString("token");
        String viewerToken = editor.request().body(Map.of("name", "read only", "role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(201).body("role", equalTo("viewer")).extract().jsonPath()
                .getString("token");
        // a token acts with its own role, and makes tokens no stronger than itself
        bearer(token).body(Map.of("email", "x@example.com", "role", "viewer")).post("/api/v1/invitations").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        bearer(viewerToken).body(Map.of("name", "escalate", "role", "editor")).post("/api/v1/tokens").then()
                .statusCode(403);
        bearer(viewerToken).get("/api/v1/members").then().statusCode(200);
    }

    @Test
    void membersSeeTheirOwnTokensAndAdminsAllOfTheWorkspace() {
        Browser admin = Browser.signup();
        Browser editor = InvitationTest.join(admin, "editor");
        String adminToken = admin.request().body(Map.of("name", "admin's")).post("/api/v1/tokens").then()
                .statusCode(201).extract().jsonPath().getString("id");
        String editorToken = editor.request().body(Map.of("name", "editor's")).post("/api/v1/tokens").then()
                .statusCode(201).extract().jsonPath().getString("id");
        editor.request().get("/api/v1/tokens").then().statusCode(200).body("id", equalTo(java.util.List.of(
                editorToken)));
        admin.request().get("/api/v1/tokens").then().statusCode(200).body("id", hasItem(editorToken))
                .body("id", hasItem(adminToken));
        editor.request().delete("/api/v1/tokens/" + adminToken).then().statusCode(404);
        // another workspace's admin sees and revokes none of them
        Browser stranger = Browser.signup();
        stranger.request().get("/api/v1/tokens").then().body("", hasSize(0));
        stranger.request().delete("/api/v1/tokens/" + editorToken).then().statusCode(404);
        admin.request().delete("/api/v1/tokens/" + editorToken).then().statusCode(204);
    }

    @Test
    void refusesUnknownAndMalformedCredentialsWith401() {
        given().get("/api/v1/tokens").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + KeyFormat.MANAGEMENT.generate()).get("/api/v1/tokens").then()
                .statusCode(401);
        given().header("Authorization", "Bearer uipm_short").get("/api/v1/tokens").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/tokens").then().statusCode(401);
        given().header("Authorization", "Bearer " + "x".repeat(5000)).get("/api/v1/tokens").then().statusCode(401);
    }

    @Test
    void refusesBadTokenRequestsWith400() {
        Browser admin = Browser.signup();
        admin.request().body(Map.of("role", "viewer")).post("/api/v1/tokens").then().statusCode(400);
        admin.request().body(Map.of("name", "n".repeat(201))).post("/api/v1/tokens").then().statusCode(400);
        admin.request().body(Map.of("name", "x", "role", "owner")).post("/api/v1/tokens").then().statusCode(400);
        admin.request().body(Map.of("name", "tab\there")).post("/api/v1/tokens").then().statusCode(400);
        admin.request().delete("/api/v1/tokens/not-a-token-id").then().statusCode(404);
    }

    static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }
}
