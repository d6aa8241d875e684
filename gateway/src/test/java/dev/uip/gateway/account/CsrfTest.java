package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Changes made with the session cookie need the session's CSRF token; reads and bearer tokens do not. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class CsrfTest {

    private static final Map<String, String> TOKEN = Map.of("name", "ci");

    @Test
    void aChangeWithTheCookieButWithoutTheRightTokenIsRefused() {
        Browser owner = Browser.signup();
        Browser stranger = Browser.signup();
        owner.cookieOnly().body(TOKEN).post("/api/v1/tokens").then().statusCode(403)
                .body("code", equalTo("CSRF_REFUSED"));
        owner.cookieOnly().header("X-CSRF-Token", "wrong").body(TOKEN).post("/api/v1/tokens").then()
                .statusCode(403).body("code", equalTo("CSRF_REFUSED"));
        // another session's token is no better
        owner.cookieOnly().header("X-CSRF-Token", stranger.csrfToken()).body(TOKEN).post("/api/v1/tokens").then()
                .statusCode(403);
        owner.cookieOnly().header("X-CSRF-Token", "").body(TOKEN).post("/api/v1/tokens").then().statusCode(403);
        owner.request().get("/api/v1/tokens").then().statusCode(200).body("size()", equalTo(0));

        owner.request().body(TOKEN).post("/api/v1/tokens").then().statusCode(201);
    }

    @Test
    void readsNeedNoToken() {
        Browser owner = Browser.signup();
        owner.cookieOnly().get("/api/v1/members").then().statusCode(200).body("size()", equalTo(1));
        owner.cookieOnly().get("/auth/session").then().statusCode(200);
    }

    @Test
    void sessionRoutesNeedItToo() {
        Browser owner = Browser.signup();
        owner.cookieOnly().post("/auth/signout").then().statusCode(403).body("code", equalTo("CSRF_REFUSED"));
        owner.cookieOnly().body(Map.of("id", owner.workspace())).post("/auth/workspace").then().statusCode(403);
        owner.cookieOnly().delete("/api/v1/tokens/00000000-0000-0000-0000-000000000000").then().statusCode(403);
        // the session was not ended by the refused sign-out
        owner.request().get("/auth/session").then().statusCode(200);
    }

    @Test
    void aBearerTokenNeedsNone() {
        Browser owner = Browser.signup();
        String token = owner.request().body(TOKEN).post("/api/v1/tokens").then().statusCode(201).extract()
                .jsonPath().getString("token");
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(TOKEN)
                .post("/api/v1/tokens").then().statusCode(201);
        // a bearer request is judged by its token alone: a cookie beside a bad token does not help
        owner.request().header("Authorization", "Bearer uipm_nonsense").get("/api/v1/members").then()
                .statusCode(401);
    }
}
