package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** An admin invites; the invited person joins with the invitation's role, once; only admins invite. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class InvitationTest {

    @Test
    void aNewPersonAcceptsAndJoinsWithTheRole() {
        Browser admin = Browser.signup();
        String email = Browser.unique("Newcomer") + "@example.com";
        JsonPath invitation = invite(admin, email, "editor").then().statusCode(201)
                .body("email", equalTo(email.toLowerCase())).body("role", equalTo("editor"))
                .extract().jsonPath();
        Instant expires = Instant.parse(invitation.getString("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).toHours() >= 167, "expires " + expires);
        String token = invitation.getString("token");
        admin.request().get("/api/v1/invitations").then().statusCode(200)
                .body("id", hasItem(invitation.getString("id"))).body("token", not(hasItem(token)));

        Browser newcomer = Browser.of(accept(token, email, Browser.PASSWORD).then().statusCode(200)
                .body("workspace.id", equalTo(admin.workspace())).body("role", equalTo("editor"))
                .extract().response());
        newcomer.request().get("/api/v1/members").then().statusCode(200).body("", hasSize(2))
                .body("find { it.email == '" + email.toLowerCase() + "' }.role", equalTo("editor"));
        // used once; no longer listed
        accept(token, email, Browser.PASSWORD).then().statusCode(404).body("code", equalTo("INVITATION_NOT_FOUND"));
        admin.request().get("/api/v1/invitations").then().statusCode(200)
                .body("id", not(hasItem(invitation.getString("id"))));
        // an editor does not invite
        invite(newcomer, Browser.unique("x") + "@example.com", "viewer").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aViewerCannotInviteNorSeeInvitations() {
        Browser admin = Browser.signup();
        Browser viewer = join(admin, "viewer");
        invite(viewer, Browser.unique("x") + "@example.com", "viewer").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        viewer.request().get("/api/v1/invitations").then().statusCode(403);
        given().get("/api/v1/invitations").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anExistingAccountJoinsWithItsOwnPasswordAndSwitchesBetweenWorkspaces() {
        Browser admin = Browser.signup();
        Browser other = Browser.signup();
        String token = invite(admin, other.email(), "viewer").then().statusCode(201).extract().jsonPath()
                .getString("token");
        accept(token, other.email(), "a wrong password here").then().statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"));
        Browser joined = Browser.of(accept(token, other.email(), Browser.PASSWORD).then().statusCode(200)
                .body("workspace.id", equalTo(admin.workspace())).body("role", equalTo("viewer"))
                .body("workspaces", hasSize(2)).extract().response());

        joined.request().body(Map.of("id", other.workspace())).post("/auth/workspace").then().statusCode(200)
                .body("workspace.id", equalTo(other.workspace())).body("role", equalTo("admin"));
        joined.request().get("/auth/session").then().body("workspace.id", equalTo(other.workspace()));
        joined.request().body(Map.of("id", Browser.signup().workspace())).post("/auth/workspace").then()
                .statusCode(404);
        joined.request().body(Map.of("id", "Not An Id")).post("/auth/workspace").then().statusCode(400);
    }

    @Test
    void refusesAnotherEmailAWithdrawnInvitationAndUnknownTokens() {
        Browser admin = Browser.signup();
        String email = Browser.unique("invited") + "@example.com";
        JsonPath invitation = invite(admin, email, "viewer").then().statusCode(201).extract().jsonPath();
        accept(invitation.getString("token"), Browser.unique("else") + "@example.com", Browser.PASSWORD).then()
                .statusCode(400);
        accept(invitation.getString("token"), email, "short").then().statusCode(400);
        admin.request().delete("/api/v1/invitations/" + invitation.getString("id")).then().statusCode(204);
        admin.request().delete("/api/v1/invitations/" + invitation.getString("id")).then().statusCode(404);
        accept(invitation.getString("token"), email, Browser.PASSWORD).then().statusCode(404);
        accept("made-up-token", email, Browser.PASSWORD).then().statusCode(404);
        accept(null, email, Browser.PASSWORD).then().statusCode(404);
    }

    @Test
    void refusesBadInvitations() {
        Browser admin = Browser.signup();
        invite(admin, "not-an-email", "viewer").then().statusCode(400);
        invite(admin, Browser.unique("x") + "@example.com", "owner").then().statusCode(400);
        invite(admin, admin.email(), "viewer").then().statusCode(409).body("code", equalTo("ALREADY_MEMBER"));
        admin.request().delete("/api/v1/invitations/not-a-uuid").then().statusCode(404);
        // another workspace's invitation is not found
        Browser other = Browser.signup();
        String id = invite(other, Browser.unique("y") + "@example.com", "viewer").then().statusCode(201).extract()
                .jsonPath().getString("id");
        admin.request().delete("/api/v1/invitations/" + id).then().statusCode(404);
        other.request().get("/api/v1/invitations").then().body("[0].token", nullValue());
    }

    static Response invite(Browser admin, String email, String role) {
        return admin.request().body(Map.of("email", email, "role", role)).post("/api/v1/invitations");
    }

    static Response accept(String token, String email, String password) {
        Map<String, String> body = new java.util.HashMap<>();
        body.put("token", token);
        body.put("email", email);
        body.put("password", password);
        return given().contentType("application/json").body(body).post("/auth/invitations/accept");
    }

    /** A new person invited into {@code admin}'s workspace with {@code role}, signed in there. */
    static Browser join(Browser admin, String role) {
        String email = Browser.unique(role) + "@example.com";
        String token = invite(admin, email, role).then().statusCode(201).extract().jsonPath().getString("token");
        return Browser.of(accept(token, email, Browser.PASSWORD).then().statusCode(200).extract().response());
    }
}
