package dev.uip.gateway.account;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.uip.stack.AuthorizationMatrix;
import dev.uip.stack.AuthorizationMatrix.Rule;

/**
 * The gateway's own routes (accounts, members, invitations, API tokens, status, OpenAPI, the set-up page) as every
 * kind of caller sees them: API tokens of a viewer, an editor and an admin of one workspace and of another workspace's
 * admin, and no, a made-up or a revoked token. Routes are read from the gateway's OpenAPI document, so a new route
 * without a rule fails. (The routes it forwards to the services are covered by each service's own matrix.)
 */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class GatewayAuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyGatewayRouteAnswersEachCallerAsItsRuleSays() {
        Browser adminA = Browser.signup();
        Browser adminB = Browser.signup();
        Map<String, String> tokens = new HashMap<>();
        tokens.put(adminA.workspace() + "/admin", token(adminA));
        tokens.put(adminA.workspace() + "/editor", token(InvitationTest.join(adminA, "editor")));
        tokens.put(adminA.workspace() + "/viewer", token(InvitationTest.join(adminA, "viewer")));
        tokens.put(adminB.workspace() + "/admin", token(adminB));
        String revoked = adminA.request().body(Map.of("name", "revoked")).post("/api/v1/tokens").then()
                .statusCode(201).extract().jsonPath().getString("token");
        String revokedId = adminA.request().get("/api/v1/tokens").then().extract().jsonPath()
                .getString("find { it.name == 'revoked' }.id");
        adminA.request().delete("/api/v1/tokens/" + revokedId).then().statusCode(204);

        // objects of workspace A that the admin's calls may change or remove
        String removed = InvitationTest.join(adminA, "viewer").userId();
        String demoted = InvitationTest.join(adminA, "editor").userId();
        String invitation = InvitationTest.invite(adminA, Browser.unique("invited") + "@example.com", "viewer")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String tokenOfA = adminA.request().body(Map.of("name", "to revoke")).post("/api/v1/tokens").then()
                .statusCode(201).extract().jsonPath().getString("id");

        Map<String, Rule> table = new HashMap<>();
        for (String route : List.of("POST /auth/signup", "POST /auth/setup", "POST /auth/signin",
                "POST /auth/invitations/accept", "GET /api/status", "GET /api/openapi.json", "GET /setup")) {
            table.put(route, Rule.open(Map.of()));
        }
        for (String route : List.of("GET /auth/session", "POST /auth/signout", "POST /auth/workspace")) {
            table.put(route, Rule.sessionOnly());
        }
        table.put("GET /api/v1/members", Rule.own("viewer", Map.of()));
        table.put("PUT /api/v1/members/{userId}", Rule.of("admin", Map.of("userId", demoted))
                .withBody("{\"role\":\"viewer\"}"));
        table.put("DELETE /api/v1/members/{userId}", Rule.of("admin", Map.of("userId", removed)));
        table.put("GET /api/v1/invitations", Rule.own("admin", Map.of()));
        table.put("POST /api/v1/invitations", Rule.own("admin", Map.of())
                .withBody("{\"email\":\"" + Browser.unique("matrix") + "@example.com\",\"role\":\"viewer\"}"));
        table.put("DELETE /api/v1/invitations/{id}", Rule.of("admin", Map.of("id", invitation)));
        table.put("GET /api/v1/tokens", Rule.own("viewer", Map.of()));
        table.put("POST /api/v1/tokens", Rule.own("viewer", Map.of()).withBody("{\"name\":\"matrix\"}"));
        table.put("DELETE /api/v1/tokens/{id}", Rule.of("viewer", Map.of("id", tokenOfA)));

        AuthorizationMatrix.Credentials apiTokens = new AuthorizationMatrix.Credentials() {

            @Override
            public String of(String workspace, String role) {
                return "Bearer " + tokens.get(workspace + "/" + role);
            }

            @Override
            public Map<String, String> refused(String workspace) {
                Map<String, String> refused = new LinkedHashMap<>();
                refused.put("no token", null);
                refused.put("made-up token", "Bearer uipm_" + UUID.randomUUID().toString().replace("-", ""));
                refused.put("revoked token", "Bearer " + revoked);
                return refused;
            }
        };
        new AuthorizationMatrix(base, adminA.workspace(), adminB.workspace(), apiTokens).check(table,
                List.of(adminA.workspace(), adminA.email()));
    }

    private static String token(Browser member) {
        return member.request().body(Map.of("name", "matrix")).post("/api/v1/tokens").then().statusCode(201)
                .extract().jsonPath().getString("token");
    }
}
