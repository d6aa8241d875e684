package dev.uip.gateway.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Members: any member lists them, an admin changes roles and removes; the last admin stays; removal bites at once. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class MemberTest {

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        Browser admin = Browser.signup();
        admin.request().body(Map.of("role", "editor")).put("/api/v1/members/" + admin.userId()).then()
                .statusCode(409).body("code", equalTo("LAST_ADMIN"));
        admin.request().delete("/api/v1/members/" + admin.userId()).then().statusCode(409)
                .body("code", equalTo("LAST_ADMIN"));

        Browser editor = InvitationTest.join(admin, "editor");
        admin.request().body(Map.of("role", "admin")).put("/api/v1/members/" + editor.userId()).then()
                .statusCode(200).body("role", equalTo("admin"));
        // with a second admin, the first may step down
        admin.request().body(Map.of("role", "viewer")).put("/api/v1/members/" + admin.userId()).then()
                .statusCode(200).body("role", equalTo("viewer"));
        admin.request().get("/auth/session").then().body("role", equalTo("viewer"));
        admin.request().body(Map.of("role", "admin")).put("/api/v1/members/" + admin.userId()).then()
                .statusCode(403);
        editor.request().body(Map.of("role", "viewer")).put("/api/v1/members/" + editor.userId()).then()
                .statusCode(409);
    }

    @Test
    void aRemovedMembersSessionAndTokensStopWorkingThere() {
        Browser admin = Browser.signup();
        Browser member = InvitationTest.join(admin, "editor");
        String token = member.request().body(Map.of("name", "script")).post("/api/v1/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
        TokenTest.bearer(token).get("/api/v1/members").then().statusCode(200).body("", hasSize(2));

        admin.request().delete("/api/v1/members/" + member.userId()).then().statusCode(204);
        member.request().get("/api/v1/members").then().statusCode(401);
        TokenTest.bearer(token).get("/api/v1/members").then().statusCode(401);
        admin.request().get("/api/v1/members").then().body("", hasSize(1));
        admin.request().delete("/api/v1/members/" + member.userId()).then().statusCode(404);
    }

    @Test
    void aDemotedMembersTokensAreDemotedToo() {
        Browser admin = Browser.signup();
        Browser member = InvitationTest.join(admin, "admin");
        String token = member.request().body(Map.of("name", "strong")).post("/api/v1/tokens").then()
                .statusCode(201).body("role", equalTo("admin")).extract().jsonPath().getString("token");
        admin.request().body(Map.of("role", "viewer")).put("/api/v1/members/" + member.userId()).then()
                .statusCode(200);
        TokenTest.bearer(token).get("/api/v1/invitations").then().statusCode(403);
        TokenTest.bearer(token).get("/api/v1/members").then().statusCode(200);
    }

    @Test
    void onlyAdminsChangeMembers() {
        Browser admin = Browser.signup();
        Browser viewer = InvitationTest.join(admin, "viewer");
        viewer.request().get("/api/v1/members").then().statusCode(200).body("", hasSize(2));
        viewer.request().body(Map.of("role", "admin")).put("/api/v1/members/" + viewer.userId()).then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        viewer.request().delete("/api/v1/members/" + admin.userId()).then().statusCode(403);
        admin.request().body(Map.of("role", "owner")).put("/api/v1/members/" + viewer.userId()).then()
                .statusCode(400);
        admin.request().body(Map.of("role", "editor")).put("/api/v1/members/not-an-id").then().statusCode(404);
        // a member of another workspace is not found here
        Browser stranger = Browser.signup();
        admin.request().body(Map.of("role", "editor")).put("/api/v1/members/" + stranger.userId()).then()
                .statusCode(404);
        admin.request().delete("/api/v1/members/" + stranger.userId()).then().statusCode(404);
    }
}
