package dev.uip.definition;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import io.restassured.specification.RequestSpecification;

import dev.uip.stack.TestTokens;

/** Requests as the gateway passes them on: with a service token for a role in a workspace (and an actor). */
public final class Api {

    private Api() {
    }

    /** A request by a test user with {@code role} ("viewer", "editor", "admin") in {@code workspace}. */
    public static RequestSpecification as(String workspace, String role) {
        return given().header("Authorization", TestTokens.bearer(workspace, role));
    }

    /** A request by {@code actor} (a token subject such as {@code user:alice}) with {@code role} in {@code workspace}. */
    public static RequestSpecification as(String workspace, String role, String actor) {
        return given().header("Authorization", "Bearer " + TestTokens.token(workspace, role, actor,
                Duration.ofMinutes(5)));
    }

    /** The subject of {@link #as(String, String)}'s token. */
    public static String actorOf(String workspace, String role) {
        return "user:test-" + role + "-" + workspace;
    }
}
