package dev.uip.audit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

import dev.uip.stack.TestTokens;

/** Requests as the gateway passes them on: with a service token of a member of a workspace. */
public final class Calls {

    private Calls() {
    }

    public static RequestSpecification asViewer(String workspace) {
        return as(workspace, "viewer");
    }

    public static RequestSpecification as(String workspace, String role) {
        return given().header("Authorization", TestTokens.bearer(workspace, role));
    }
}
