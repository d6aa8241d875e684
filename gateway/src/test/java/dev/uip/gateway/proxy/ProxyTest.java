package dev.uip.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * {@code /api/v1/...} calls passed to real HTTP stubs of the services: what reaches a service (and what must not),
 * what comes back, and the calls refused before anything is sent.
 */
@QuarkusTest
@TestProfile(ProxyTestProfile.class)
class ProxyTest {

    private static final String EDITOR = "Test acme editor user:e1";

    @Test
    void passesMethodPathQueryBodyAndContentHeadersWithAServiceTokenInsteadOfTheCallersCredentials()
            throws MalformedClaimException {
        String body = "{\"name\":\"Order Completed\",\"owner\":\"growth\"}";
        JsonPath received = call().header("Authorization", EDITOR)
                .header("Cookie", "uip_session=acme.admin.a1; other=1")
                .header("X-UIP-Workspace", "globex").header("X-UIP-Actor", "mallory")
                .header("Accept", "application/json")
                .contentType("application/json").body(body)
                .post("/api/v1/definitions/Order%20Completed/publish?dryRun=true&note=a%2Fb&note=c")
                .then().statusCode(200).header("ETag", "\"v1\"").extract().jsonPath();

        assertEquals("definition", received.getString("service"));
        assertEquals("POST", received.getString("method"));
        assertEquals("/v1/definitions/Order%20Completed/publish?dryRun=true&note=a%2Fb&note=c",
                received.getString("uri"));
        assertEquals(body, received.getString("body"));
        assertEquals(List.of("application/json"), received.getList("headers.content-type"));
        assertEquals(List.of("application/json"), received.getList("headers.accept"));
        for (String header : List.of("cookie", "x-uip-workspace", "x-uip-actor", "x-csrf-token")) {
            assertNull(received.get("headers." + header), header + " reached the service");
        }
        List<String> authorization = received.getList("headers.authorization");
        assertEquals(1, authorization.size());
        assertTrue(authorization.get(0).startsWith("Bearer "));
        JwtClaims claims = ServiceTokenCheck.verify(authorization.get(0).substring("Bearer ".length()));
        assertEquals("acme", claims.getStringClaimValue("ws"));
        assertEquals("user:e1", claims.getSubject());
        assertEquals("editor", claims.getStringClaimValue("role"));
        assertEquals("user:e1@example.com", claims.getStringClaimValue("name"));
        assertEquals(List.of("viewer", "editor"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void passesEveryMethodAndRoutesByTheFirstSegment() {
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            call().header("Authorization", EDITOR).contentType("application/json").body("{\"m\":\"" + method + "\"}")
                    .request(method, "/api/v1/rules/track/Signup/STOPPED")
                    .then().statusCode(200).body("service", equalTo("definition")).body("method", equalTo(method))
                    .body("uri", equalTo("/v1/rules/track/Signup/STOPPED"));
        }
        call().header("Authorization", EDITOR).get("/api/v1/inspect?limit=5")
                .then().statusCode(200).body("service", equalTo("ingest")).body("uri", equalTo("/v1/inspect?limit=5"))
                .body("body", equalTo(""));
        call().header("Authorization", EDITOR).get("/api/v1/key-events/acme")
                .then().statusCode(200).body("service", equalTo("anomaly"));
    }

    @Test
    void passesBackTheServicesStatusBodyAndLocationButNotItsOtherHeaders() {
        call().header("Authorization", EDITOR).post("/api/v1/definitions/created")
                .then().statusCode(201).header("Location", "/api/v1/definitions/created")
                .header("X-Internal", (String) null);
        call().header("Authorization", EDITOR).get("/api/v1/rules/teapot")
                .then().statusCode(418).contentType("application/json").body("code", equalTo("TEAPOT"));
    }

    @Test
    void answers502WhenTheServiceCannotBeReachedAnd504WhenItIsTooSlow() {
        call().header("Authorization", EDITOR).get("/api/v1/audit/acme")
                .then().statusCode(502).contentType("application/json").body("code", equalTo("SERVICE_UNAVAILABLE"));
        call().header("Authorization", EDITOR).get("/api/v1/trends/acme/slow")
                .then().statusCode(504).contentType("application/json").body("code", equalTo("SERVICE_TIMEOUT"))
                // the 1 s timeout, not the stub's 4 s
                .time(lessThan(StubServicesResource.SLOW_MS - 1000));
    }

    @Test
    void refusesABodyOverTheBoundWithoutSendingIt() {
        int before = calls();
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        call().header("Authorization", EDITOR).contentType("application/octet-stream").body(tooLarge)
                .post("/api/v1/definitions").then().statusCode(413).body("code", equalTo("TOO_LARGE"))
                .time(lessThan(1500L));
        byte[] atTheBound = java.util.Arrays.copyOf(tooLarge, 1024 * 1024);
        call().header("Authorization", EDITOR).contentType("application/octet-stream").body(atTheBound)
                .post("/api/v1/definitions").then().statusCode(200).body("body.length()", equalTo(1024 * 1024));
        assertEquals(before + 1, calls());
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheBoundWithoutSendingIt() throws Exception {
        int before = calls();
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        // a stream of unknown length goes out chunked, with no Content-Length to refuse it by up front
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/api/v1/definitions")).header("Authorization", EDITOR)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"TOO_LARGE\""), answer.body());
        assertEquals(before, calls());
    }

    @Test
    void refusesUnknownCallersAndSessionChangesWithoutTheCsrfTokenWithoutSendingAnything() {
        int before = calls();
        for (Response refused : List.of(call().get("/api/v1/definitions"),
                call().header("Authorization", "Bearer uipm_nothing").get("/api/v1/definitions"),
                call().header("Authorization", "Test acme emperor user:x").delete("/api/v1/definitions/x"))) {
            refused.then().statusCode(401).contentType("application/json").body("code", equalTo("UNAUTHENTICATED"));
        }
        call().header("Cookie", "uip_session=acme.admin.a1").contentType("application/json").body("{}")
                .post("/api/v1/definitions")
                .then().statusCode(403).contentType("application/json").body("code", equalTo("CSRF_REFUSED"));
        call().header("Cookie", "uip_session=acme.admin.a1").header("X-CSRF-Token", "wrong")
                .delete("/api/v1/definitions/x").then().statusCode(403).body("code", equalTo("CSRF_REFUSED"));
        assertEquals(before, calls());

        JsonPath received = call().header("Cookie", "uip_session=acme.admin.a1")
                .header("X-CSRF-Token", HeaderCallerResolver.CSRF).contentType("application/json").body("{}")
                .post("/api/v1/definitions").then().statusCode(200).extract().jsonPath();
        assertNull(received.get("headers.cookie"));
        assertNull(received.get("headers.x-csrf-token"));
        assertEquals(before + 1, calls());
    }

    @Test
    void answers503WhenTheCallerCannotBeVerifiedAndSendsNothing() {
        int before = calls();
        call().header("Authorization", HeaderCallerResolver.BROKEN).get("/api/v1/definitions")
                .then().statusCode(503).contentType("application/json").body("code", equalTo("IDENTITY_UNAVAILABLE"));
        call().header("Authorization", HeaderCallerResolver.HANGS).get("/api/v1/definitions")
                .then().statusCode(503).body("code", equalTo("IDENTITY_UNAVAILABLE"))
                // within the 1 s timeout of the profile, not held
                .time(lessThan(StubServicesResource.SLOW_MS - 1000));
        assertEquals(before, calls());
    }

    @Test
    void answersUnknownRoutesWith404AndNeverPassesOnTheGatewaysOwnRoutes() {
        int before = calls();
        for (String path : List.of("/api/v1/nothing", "/api/v1/projects/wk_1/settings", "/api/v1/batch",
                "/api/v1/tokens/t1", "/api/v1/inspect/%2e%2e/tokens", "/api/v1/", "/api/v1")) {
            Response answer = call().header("Authorization", EDITOR).get(path);
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, path + ": " + answer.statusCode());
            assertTrue(answer.contentType().startsWith("application/json"), path + ": " + answer.contentType());
        }
        // the gateway's own routes answer here (the account resources), whatever way the path is spelt
        for (String path : List.of("/api/v1/members", "/api/v1/invitations", "/api/v1/definitions/../members")) {
            Response answer = call().header("Authorization", EDITOR).get(path);
            assertTrue(answer.statusCode() < 500, path + ": " + answer.statusCode());
            assertTrue(answer.contentType().startsWith("application/json"), path + ": " + answer.contentType());
        }
        call().header("Authorization", EDITOR).get("/api/v1/nothing")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        assertEquals(before, calls());
    }

    @Test
    void routesTheNormalizedPathSoDotSegmentsCannotReachAnotherServicesPath() {
        call().header("Authorization", EDITOR).get("/api/v1/inspect/%2e%2e/definitions/x")
                .then().statusCode(200).body("service", equalTo("definition"))
                .body("uri", equalTo("/v1/definitions/x"));
        String uri = call().header("Authorization", EDITOR).get("/api/v1/definitions/a/../../audit/b")
                .then().statusCode(502).extract().asString();
        assertFalse(uri.contains(".."), uri);
    }

    private static RequestSpecification call() {
        return given().urlEncodingEnabled(false);
    }

    private static int calls() {
        String base = ConfigProvider.getConfig().getValue("uip.test.stub-base", String.class);
        return Integer.parseInt(given().get(base + "/definition/count").then().statusCode(200).extract().asString());
    }
}
