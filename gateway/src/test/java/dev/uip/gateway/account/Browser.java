package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A signed-in person as a browser holds them: the session cookie and the CSRF token; builds requests that send
 * both (or, for the tests that need it, only the cookie), and makes fresh emails and workspace ids.
 */
public record Browser(String cookie, String csrfToken, String userId, String email, String workspace) {

    /** The password every test account gets. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    /** A unique lower-case name for this JVM: {@code <prefix>-<run>-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** Signs up a new person with a new workspace (201 expected). */
    public static Browser signup() {
        String workspace = unique("ws");
        String email = unique("admin") + "@example.com";
        return of(given().contentType("application/json").body(Map.of("email", email, "password", PASSWORD,
                "workspace", Map.of("id", workspace, "name", "Workspace " + workspace))).post("/auth/signup")
                .then().statusCode(201).extract().response());
    }

    /** The browser of a sign-up, sign-in or accepted invitation's answer. */
    public static Browser of(Response answer) {
        return new Browser(answer.getCookie("uip_session"), answer.jsonPath().getString("csrfToken"),
                answer.jsonPath().getString("user.id"), answer.jsonPath().getString("user.email"),
                answer.jsonPath().getString("workspace.id"));
    }

    /** With the cookie and the CSRF header, as the console sends changes. */
    public RequestSpecification request() {
        return given().cookie("uip_session", cookie).header("X-CSRF-Token", csrfToken).contentType("application/json");
    }

    /** With the cookie only, as a cross-site form would. */
    public RequestSpecification cookieOnly() {
        return given().cookie("uip_session", cookie).contentType("application/json");
    }
}
