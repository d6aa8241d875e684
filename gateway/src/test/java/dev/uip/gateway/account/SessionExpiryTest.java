package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A session ends when it was unused for the idle time or when it reached its absolute lifetime, whichever comes
 * first: the cookie is refused 401 on the session endpoint and on the management API alike. The clock is moved by
 * moving the session's expiry times into the past, as the gateway's own database role can.
 */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class SessionExpiryTest {

    @Inject
    Pool pool;

    @Test
    void anIdleSessionEnds() {
        Browser person = Browser.signup();
        person.request().get("/auth/session").then().statusCode(200);
        expire(person, "idle_expires_at");
        refused(person);
    }

    @Test
    void aBusySessionEndsAtItsAbsoluteLifetime() {
        Browser person = Browser.signup();
        person.request().get("/api/v1/members").then().statusCode(200);
        expire(person, "expires_at");
        refused(person);
        // a new sign-in opens a new session
        Browser again = Browser.of(given().contentType("application/json")
                .body(Map.of("email", person.email(), "password", Browser.PASSWORD))
                .post("/auth/signin").then().statusCode(200).extract().response());
        again.request().get("/auth/session").then().statusCode(200).body("user.email", equalTo(person.email()));
    }

    private void expire(Browser person, String column) {
        int changed = pool.preparedQuery("update session set " + column + " = now() - interval '1 second'"
                + " where user_id = $1").execute(Tuple.of(UUID.fromString(person.userId())))
                .await().atMost(Duration.ofSeconds(10)).rowCount();
        if (changed != 1) {
            throw new AssertionError("expected one session of " + person.email() + ", found " + changed);
        }
    }

    private static void refused(Browser person) {
        person.request().get("/auth/session").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        person.request().get("/api/v1/members").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        person.request().get("/api/v1/definitions").then().statusCode(401);
    }
}
