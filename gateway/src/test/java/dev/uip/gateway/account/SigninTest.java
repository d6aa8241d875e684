package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Sign-in, its rate limit, the session endpoint and sign-out. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class SigninTest {

    @Test
    void theRightPasswordOpensANewSession() {
        Browser owner = Browser.signup();
        Response answer = signin(owner.email().toUpperCase(), Browser.PASSWORD).then().statusCode(200)
                .body("user.id", equalTo(owner.userId()))
                .body("workspace.id", equalTo(owner.workspace()))
                .body("role", equalTo("admin"))
                .body("workspaces", hasSize(1))
                .body("workspaces[0].role", equalTo("admin"))
                .extract().response();
        Browser again = Browser.of(answer);
        assertNotEquals(owner.cookie(), again.cookie());
        assertNotEquals(owner.csrfToken(), again.csrfToken());
        again.request().get("/auth/session").then().statusCode(200)
                .body("user.email", equalTo(owner.email()))
                .body("csrfToken", equalTo(again.csrfToken()));
        // the first session goes on too
        owner.request().get("/auth/session").then().statusCode(200).body("csrfToken", equalTo(owner.csrfToken()));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Browser owner = Browser.signup();
        Response wrong = signin(owner.email(), "not the password at all").then().statusCode(401).extract().response();
        Response unknown = signin(Browser.unique("nobody") + "@example.com", Browser.PASSWORD).then().statusCode(401)
                .extract().response();
        assertEquals("INVALID_CREDENTIALS", wrong.jsonPath().getString("code"));
        assertEquals(wrong.asString(), unknown.asString());
        assertEquals(null, wrong.getHeader("Set-Cookie"));
    }

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedEvenWithTheRightPassword() {
        Browser owner = Browser.signup();
        Browser bystander = Browser.signup();
        for (int i = 0; i < 5; i++) {
            signin(owner.email(), "wrong password number " + i).then().statusCode(401);
        }
        Response refused = signin(owner.email(), Browser.PASSWORD).then().statusCode(429)
                .body("code", equalTo("TOO_MANY_ATTEMPTS")).extract().response();
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertTrue(retryAfter > 850 && retryAfter <= 900, "Retry-After " + retryAfter);
        // the email's case does not dodge it; another email is not affected
        signin(owner.email().toUpperCase(), Browser.PASSWORD).then().statusCode(429);
        signin(bystander.email(), Browser.PASSWORD).then().statusCode(200);
        // a session opened before goes on
        owner.request().get("/auth/session").then().statusCode(200);
    }

    @Test
    void parallelGuessesAreCountedBeforeAnyPasswordIsChecked() {
        Browser owner = Browser.signup();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        Map<Integer, Long> statuses;
        try {
            // twelve at once, all sent before the first password check ends
            List<CompletableFuture<Integer>> guesses = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> signin(owner.email(), "parallel guess " + i)
                            .statusCode(), threads))
                    .toList();
            statuses = guesses.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Map.of(401, 5L, 429, 7L), statuses);
        signin(owner.email(), Browser.PASSWORD).then().statusCode(429);
    }

    @Test
    void aRightPasswordForgetsEarlierFailures() {
        Browser owner = Browser.signup();
        for (int i = 0; i < 4; i++) {
            signin(owner.email(), "wrong password number " + i).then().statusCode(401);
        }
        signin(owner.email(), Browser.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            signin(owner.email(), "wrong password again " + i).then().statusCode(401);
        }
        signin(owner.email(), Browser.PASSWORD).then().statusCode(200);
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        Browser owner = Browser.signup();
        Response out = owner.request().post("/auth/signout").then().statusCode(204).extract().response();
        assertTrue(out.getHeader("Set-Cookie").contains("uip_session=;"), out.getHeader("Set-Cookie"));
        assertTrue(out.getHeader("Set-Cookie").contains("Max-Age=0"), out.getHeader("Set-Cookie"));
        owner.request().get("/auth/session").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        owner.request().get("/api/v1/members").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        owner.request().post("/auth/signout").then().statusCode(401);
    }

    @Test
    void theSessionEndpointNeedsALiveSession() {
        given().get("/auth/session").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().cookie("uip_session", "made-up").get("/auth/session").then().statusCode(401);
        given().cookie("uip_session", "x".repeat(5000)).get("/auth/session").then().statusCode(401);
    }

    @Test
    void refusesBadSignInInputWith400() {
        signin("not-an-email", Browser.PASSWORD).then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        signin("someone@example.com", "p".repeat(1025)).then().statusCode(400);
        given().contentType("application/json").body(Map.of("email", "someone@example.com")).post("/auth/signin")
                .then().statusCode(400);
        given().contentType("application/json").body("[]").post("/auth/signin").then().statusCode(400);
    }

    @Test
    void signsIntoANamedWorkspaceOnlyWhenAMember() {
        Browser owner = Browser.signup();
        Browser other = Browser.signup();
        given().contentType("application/json").body(Map.of("email", owner.email(), "password", Browser.PASSWORD,
                "workspace", other.workspace())).post("/auth/signin").then().statusCode(404);
        given().contentType("application/json").body(Map.of("email", owner.email(), "password", Browser.PASSWORD,
                "workspace", owner.workspace())).post("/auth/signin").then().statusCode(200)
                .body("workspace.id", equalTo(owner.workspace()));
    }

    static Response signin(String email, String password) {
        return given().contentType("application/json").body(Map.of("email", email, "password", password))
                .post("/auth/signin");
    }
}
