package dev.uip.anomaly.rest;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

import dev.uip.stack.TestTokens;

/** Requests as the gateway passes them on: with a service token of a member of a workspace. */
final class Calls {

    private Calls() {
    }

    static RequestSpecification asViewer(String workspace) {
        return as(workspace, "viewer");
    }

    static RequestSpecification as(String workspace, String role) {
        return given().header("Authorization", TestTokens.bearer(workspace, role));
    }
}
