package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The first-run link: written when the gateway started with no user; its token creates the first admin, once. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class SetupTest {

    @Test
    void theSetupTokenWorksOnce() throws IOException {
        String link = Files.readString(Path.of("target", "setup-link")).strip();
        assertTrue(link.matches("http://[^/]+/setup\\?token=[A-Za-z0-9_-]{43}"), link);
        String token = link.substring(link.indexOf("token=") + 6);

        String workspace = Browser.unique("first");
        setup(token, Browser.unique("operator") + "@example.com", workspace).then().statusCode(201)
                .body("role", equalTo("admin")).body("workspace.id", equalTo(workspace));
        assertTrue(DefinitionStub.lastFor(workspace) != null);
        assertTrue(Files.notExists(Path.of("target", "setup-link")), "the used link is removed");

        setup(token, Browser.unique("second") + "@example.com", Browser.unique("again")).then().statusCode(401)
                .body("code", equalTo("INVALID_SETUP_TOKEN"));
        setup("made-up", Browser.unique("third") + "@example.com", Browser.unique("nope")).then().statusCode(401);
    }

    @Test
    void theLinkOpensAFormThatKeepsTheTokenOutOfCachesAndReferrers() {
        given().get("/setup?token=abc").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body(containsString("<form id=\"setup\""), containsString("src=\"/setup.js\""));
        // the script it loads posts the token to the setup endpoint
        given().get("/setup.js").then().statusCode(200).body(containsString("fetch('/auth/setup'"),
                containsString("token: token"));
    }

    static io.restassured.response.Response setup(String token, String email, String workspace) {
        return given().contentType("application/json").body(Map.of("token", token, "email", email, "password",
                Browser.PASSWORD, "workspace", Map.of("id", workspace))).post("/auth/setup");
    }
}
