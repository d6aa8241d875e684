package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With {@code uip.gateway.signup.open=false} nobody signs up: 403 SIGNUP_CLOSED, and no workspace is created. */
@QuarkusTest
@TestProfile(ClosedSignupTest.Closed.class)
class ClosedSignupTest {

    /** Sign-up closed. */
    public static class Closed extends IdentityProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("uip.gateway.signup.open", "false");
        }
    }

    @Test
    void refusesSignUpWith403() {
        String workspace = Browser.unique("closed");
        given().contentType("application/json").body(Map.of("email", Browser.unique("c") + "@example.com",
                "password", Browser.PASSWORD, "workspace", Map.of("id", workspace))).post("/auth/signup")
                .then().statusCode(403).body("code", equalTo("SIGNUP_CLOSED"));
        org.junit.jupiter.api.Assertions.assertNull(DefinitionStub.lastFor(workspace));
    }
}
