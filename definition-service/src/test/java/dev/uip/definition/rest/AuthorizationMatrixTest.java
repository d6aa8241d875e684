package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.identity.Role;
import dev.uip.stack.TestTokens;
import dev.uip.stack.Topics;

/**
 * Every route of the running service (from its OpenAPI document) against every kind of caller: no, forged or expired
 * token (401), each role of workspace A (403 below the route's role, else neither 401 nor 403) and the admin of
 * workspace B, who gets a 404 for A's objects and never A's data. A route missing from {@link #TABLE} fails the test,
 * so a new endpoint needs a rule here.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AuthorizationMatrixTest {

    /** What workspace B's admin gets: a 404 (A's object), a list or answer of its own without A's data, a 403. */
    enum Other {
        NOT_FOUND, OWN, FORBIDDEN
    }

    /** The role a route needs, and what the other workspace's admin gets. */
    record Rule(Role needed, Other other) {
    }

    static final Map<String, Rule> TABLE = Map.ofEntries(
            Map.entry("GET /v1/definitions", rule(Role.VIEWER, Other.OWN)),
            Map.entry("POST /v1/definitions", rule(Role.EDITOR, Other.OWN)),
            Map.entry("GET /v1/definitions/{name}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("PUT /v1/definitions/{name}", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("DELETE /v1/definitions/{name}", rule(Role.EDITOR, Other.OWN)),
            Map.entry("POST /v1/definitions/{name}/publish", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/definitions/{name}/archive", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/definitions/{name}/restore", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/definitions/{name}/versions", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("GET /v1/definitions/{name}/versions/{version}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("GET /v1/definitions/{name}/diff", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("POST /v1/definitions/infer", rule(Role.EDITOR, Other.OWN)),
            Map.entry("POST /v1/definitions/virtual/preview", rule(Role.EDITOR, Other.OWN)),
            Map.entry("GET /v1/rules", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/events/{event}/rules", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/events/{event}/rules/{kind}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("PUT /v1/events/{event}/rules/{kind}", rule(Role.EDITOR, Other.OWN)),
            Map.entry("DELETE /v1/events/{event}/rules/{kind}", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/events/{event}/rules/{kind}/versions", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("GET /v1/calls/{callType}/rules/{kind}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("PUT /v1/calls/{callType}/rules/{kind}", rule(Role.EDITOR, Other.OWN)),
            Map.entry("DELETE /v1/calls/{callType}/rules/{kind}", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/calls/{callType}/rules/{kind}/versions", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("POST /v1/workspaces", rule(Role.ADMIN, Other.FORBIDDEN)),
            Map.entry("GET /v1/workspaces/{workspace}", rule(Role.VIEWER, Other.OWN)),
            Map.entry("PUT /v1/workspaces/{workspace}", rule(Role.ADMIN, Other.OWN)),
            Map.entry("GET /v1/workspaces/{workspace}/write-keys", rule(Role.ADMIN, Other.OWN)),
            Map.entry("POST /v1/workspaces/{workspace}/write-keys", rule(Role.ADMIN, Other.OWN)),
            Map.entry("POST /v1/workspaces/{workspace}/write-keys/{id}/revoke", rule(Role.ADMIN, Other.NOT_FOUND)),
            Map.entry("POST /v1/workspaces/{workspace}/write-keys/{id}/rotate", rule(Role.ADMIN, Other.NOT_FOUND)),
            Map.entry("GET /v1/quarantine", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/quarantine/summary", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/quarantine/{messageId}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("POST /v1/quarantine/preview", rule(Role.EDITOR, Other.OWN)),
            Map.entry("POST /v1/quarantine/release", rule(Role.EDITOR, Other.OWN)),
            Map.entry("POST /v1/quarantine/discard", rule(Role.EDITOR, Other.OWN)),
            Map.entry("GET /v1/quarantine/releases/{releaseId}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("GET /v1/suggestions", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/suggestions/{event}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("POST /v1/suggestions/{event}/adopt", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/suggestions/{event}/dismiss", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/suggestions/{event}/restore", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/channels", rule(Role.VIEWER, Other.OWN)),
            Map.entry("POST /v1/channels", rule(Role.ADMIN, Other.OWN)),
            Map.entry("GET /v1/channels/{channelId}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("PATCH /v1/channels/{channelId}", rule(Role.ADMIN, Other.NOT_FOUND)),
            Map.entry("DELETE /v1/channels/{channelId}", rule(Role.ADMIN, Other.NOT_FOUND)),
            Map.entry("POST /v1/channels/{channelId}/test", rule(Role.ADMIN, Other.NOT_FOUND)),
            Map.entry("POST /v1/channels/{channelId}/rotate-secret", rule(Role.ADMIN, Other.NOT_FOUND)),
            Map.entry("GET /v1/subscriptions", rule(Role.VIEWER, Other.OWN)),
            Map.entry("POST /v1/subscriptions", rule(Role.EDITOR, Other.OWN)),
            Map.entry("DELETE /v1/subscriptions/{subscriptionId}", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/notifications", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/notifications/{notificationId}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("GET /v1/deliveries", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/alerts", rule(Role.VIEWER, Other.OWN)),
            Map.entry("GET /v1/alerts/{alertId}", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("POST /v1/alerts/{alertId}/acknowledge", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/alerts/{alertId}/resolve", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/alerts/{alertId}/snooze", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("POST /v1/alerts/{alertId}/unsnooze", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/maintenance-windows", rule(Role.VIEWER, Other.OWN)),
            Map.entry("POST /v1/maintenance-windows", rule(Role.EDITOR, Other.OWN)),
            Map.entry("DELETE /v1/maintenance-windows/{windowId}", rule(Role.EDITOR, Other.NOT_FOUND)),
            Map.entry("GET /v1/teams/{team}/quiet-hours", rule(Role.VIEWER, Other.NOT_FOUND)),
            Map.entry("PUT /v1/teams/{team}/quiet-hours", rule(Role.ADMIN, Other.OWN)),
            Map.entry("DELETE /v1/teams/{team}/quiet-hours", rule(Role.ADMIN, Other.NOT_FOUND)));

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    // Reads first, deletes before the writes that could create B's own object of the same key.
    private static final List<String> ORDER = List.of("GET", "DELETE", "PUT", "POST", "PATCH");

    final String a = "mx-a-" + UUID.randomUUID().toString().substring(0, 8);
    final String b = "mx-b-" + UUID.randomUUID().toString().substring(0, 8);
    final String definition = "MatrixEvent" + UUID.randomUUID().toString().substring(0, 8);
    final String suggested = "Suggested" + UUID.randomUUID().toString().substring(0, 8);
    final String message = "m-" + UUID.randomUUID();
    final String released = "m-" + UUID.randomUUID();
    final String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    String keyId;
    String releaseId;
    String channelId;
    String subscriptionId;
    String notificationId;
    String alertId;
    String windowId;
    final List<String> failures = new ArrayList<>();

    @Test
    void everyRouteAnswersEachCallerAsItsRuleSays() {
        Set<String> routes = routes();
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(TABLE.keySet());
        assertEquals(Set.of(), missing, "routes without a rule in the matrix's TABLE");
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(routes);
        assertEquals(Set.of(), stale, "rules in TABLE for routes the service does not have");

        objectsOfA();
        List<String> ordered = routes.stream().sorted(Comparator.comparing((String route) -> ORDER.indexOf(
                route.split(" ")[0])).thenComparing(route -> route)).toList();
        // Every call of B's admin before any of A's callers: A's own writes must not change what B is refused.
        ordered.forEach(this::other);
        objectsOfAUntouched();
        ordered.forEach(this::check);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));

        // A suggestion's dismissal is recorded with its actor too: the editor of A was the first to dismiss it.
        var dismissals = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.records(
                Topics.DEFINITION_CHANGES, r -> suggested.equals(r.get("entityId").toString())
                        && "SUGGESTION_DISMISSED".equals(r.get("action").toString())),
                found -> found.size() == 2);
        assertEquals(Api.actorOf(a, "editor"), dismissals.get(0).get("actor").toString());
        assertEquals(a, dismissals.get(0).get("workspaceId").toString());
    }

    private void check(String route) {
        Rule rule = TABLE.get(route);
        String method = route.split(" ")[0];
        String template = route.split(" ")[1];
        expect(route, "no token", call(given(), method, template, a), 401, "UNAUTHENTICATED");
        expect(route, "forged", call(given().header("Authorization", "Bearer " + TestTokens.forged(a, "admin")),
                method, template, a), 401, "UNAUTHENTICATED");
        expect(route, "expired", call(given().header("Authorization", "Bearer " + TestTokens.token(a, "admin",
                "user:late", Duration.ofMinutes(-5))), method, template, a), 401, "UNAUTHENTICATED");
        for (Role role : Role.values()) {
            Response answer = call(Api.as(a, role.roleName()), method, template, a);
            if (role.includes(rule.needed())) {
                allowed(route, role.roleName() + " of A", answer);
            } else {
                expect(route, role.roleName() + " of A", answer, 403, "FORBIDDEN");
            }
        }
    }

    /** Workspace B's admin: A's objects are a 404, a path naming A a 404, and no answer holds A's data. */
    private void other(String route) {
        Rule rule = TABLE.get(route);
        String method = route.split(" ")[0];
        String template = route.split(" ")[1];
        String who = "admin of B";
        if (template.contains("{workspace}")) {
            expect(route, who + " naming A in the path", call(Api.as(b, "admin"), method, template, a), 404,
                    "NOT_FOUND");
        }
        Response answer = call(Api.as(b, "admin"), method, template, b);
        switch (rule.other()) {
            case NOT_FOUND -> expect(route, who, answer, 404, "NOT_FOUND");
            case FORBIDDEN -> expect(route, who, answer, 403, "FORBIDDEN");
            case OWN -> allowed(route, who, answer);
        }
        List<String> markers = new ArrayList<>(List.of(a, keyId, message, released, releaseId, channelId,
                subscriptionId, notificationId, alertId, windowId));
        if (!template.contains("{")) {
            // Lists take no name from the caller, so A's names must not appear at all.
            markers.addAll(List.of(definition, suggested));
        }
        if (answer.statusCode() < 300) {
            String body = answer.asString();
            markers.stream().filter(body::contains).forEach(marker -> failures.add(route + " as " + who
                    + " showed A's " + marker + ": " + abbreviate(body)));
        }
    }

    private Response call(RequestSpecification request, String method, String template, String workspace) {
        String path = template.replace("{workspace}", workspace).replace("{name}", definition)
                .replace("{version}", "1").replace("{callType}", "group").replace("{id}", keyId)
                .replace("{messageId}", message).replace("{releaseId}", releaseId)
                .replace("{channelId}", channelId).replace("{subscriptionId}", subscriptionId)
                .replace("{notificationId}", notificationId)
                .replace("{kind}", template.startsWith("/v1/calls") ? "stopped" : "spike")
                .replace("{event}", template.startsWith("/v1/suggestions") ? suggested : definition)
                .replace("{alertId}", alertId).replace("{windowId}", windowId).replace("{team}", team);
        if (template.endsWith("/diff")) {
            path += "?from=1&to=1";
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            return request.request(method, path);
        }
        String body = template.equals("/v1/workspaces") ? "{\"id\":\"" + a + "\"}" : "{}";
        if (template.endsWith("/snooze")) {
            // A valid body: B's admin must get the 404 of A's incident, not a 400 about the body.
            body = "{\"until\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}";
        }
        return request.contentType(ContentType.JSON).body(body).request(method, path);
    }

    private void expect(String route, String who, Response answer, int status, String code) {
        if (answer.statusCode() != status || !code.equals(answer.jsonPath().getString("code"))) {
            failures.add(route + " as " + who + ": expected " + status + " " + code + ", got " + answer.statusCode()
                    + " " + abbreviate(answer.asString()));
        }
    }

    private void allowed(String route, String who, Response answer) {
        int status = answer.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            failures.add(route + " as " + who + ": expected to be let through, got " + status + " "
                    + abbreviate(answer.asString()));
        }
    }

    /** Every "METHOD /path" of the running service's OpenAPI document. */
    private static Set<String> routes() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> routes = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }

    /** Workspaces A and B, and one object of A of every kind the routes address. */
    private void objectsOfA() {
        Api.as(a, "admin").contentType(ContentType.JSON).body("{\"id\":\"" + a + "\"}").post("/v1/workspaces").then()
                .statusCode(201);
        Api.as(b, "admin").contentType(ContentType.JSON).body("{\"id\":\"" + b + "\"}").post("/v1/workspaces").then()
                .statusCode(201);
        Api.as(a, "editor").contentType(ContentType.JSON).body("{\"name\":\"" + definition
                + "\",\"properties\":[{\"name\":\"plan\",\"type\":\"string\"}]}").post("/v1/definitions").then()
                .statusCode(201);
        Api.as(a, "editor").contentType(ContentType.JSON).body("{}").put("/v1/events/{e}/rules/spike", definition)
                .then().statusCode(201);
        Api.as(a, "editor").contentType(ContentType.JSON).body("{}").put("/v1/calls/group/rules/stopped").then()
                .statusCode(201);
        keyId = Api.as(a, "admin").contentType(ContentType.JSON).body("{\"name\":\"matrix\"}")
                .post("/v1/workspaces/{ws}/write-keys", a).then().statusCode(201).extract().jsonPath().getString("id");

        channelId = Api.as(a, "admin").contentType(ContentType.JSON).body("{\"name\":\"matrix\",\"kind\":\"WEBHOOK\","
                + "\"url\":\"http://127.0.0.1:9/matrix\"}").post("/v1/channels").then().statusCode(201).extract()
                .jsonPath().getString("id");
        subscriptionId = Api.as(a, "editor").contentType(ContentType.JSON).body("{\"channelId\":\"" + channelId
                + "\"}").post("/v1/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
        notificationId = Api.as(a, "admin").post("/v1/channels/{id}/test", channelId).then().statusCode(202)
                .extract().jsonPath().getString("notificationId");

        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        QuarantineKafka.quarantine(
                QuarantineKafka.quarantined(QuarantineKafka.track(a, message, definition, "{\"plan\":5}"),
                        QuarantineReason.SCHEMA_VIOLATION, now, QuarantineKafka.violation("properties.plan",
                                "WRONG_TYPE", "expected a string")),
                QuarantineKafka.quarantined(QuarantineKafka.track(a, released, definition, "{\"plan\":6}"),
                        QuarantineReason.SCHEMA_VIOLATION, now));
        SuggestionKafka.stats(SuggestionKafka.stats(a, suggested, now.minus(3, ChronoUnit.MINUTES), 7, 0));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.as(a, "viewer").get("/v1/quarantine").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(2));
            Api.as(a, "viewer").get("/v1/suggestions/{event}", suggested).then().statusCode(200);
        });
        AlertKafka.send(AlertKafka.alert(a, "matrix-" + UUID.randomUUID(), definition,
                dev.uip.schemas.AlertState.OPENED, dev.uip.schemas.AlertSeverity.HIGH, 1, 10.0).build());
        windowId = Api.as(a, "editor").contentType(ContentType.JSON).body("{\"startsAt\":\"" + Instant.now()
                + "\",\"endsAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}").post("/v1/maintenance-windows")
                .then().statusCode(201).extract().jsonPath().getString("id");
        Api.as(a, "admin").contentType(ContentType.JSON).body("{\"startHour\":22,\"endHour\":7,\"timeZone\":\"UTC\"}")
                .put("/v1/teams/{team}/quiet-hours", team).then().statusCode(200);
        alertId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(a, "viewer")
                .get("/v1/alerts").then().statusCode(200).extract().jsonPath().<String>getList("items.id"),
                ids -> ids.size() == 1).get(0);
        releaseId = Api.as(a, "editor").contentType(ContentType.JSON).body("{\"messageIds\":[\"" + released + "\"]}")
                .post("/v1/quarantine/release").then().statusCode(200).extract().jsonPath().getString("releaseId");
        assertTrue(releaseId != null && !releaseId.isBlank(), "a release of A");
    }

    /** Nothing B's admin did reached A: each object is as it was made. */
    private void objectsOfAUntouched() {
        Api.as(a, "viewer").get("/v1/definitions/{name}/versions", definition).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1));
        Api.as(a, "viewer").get("/v1/events/{e}/rules/spike", definition).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1))
                .body("deleted", org.hamcrest.Matchers.equalTo(false));
        Api.as(a, "viewer").get("/v1/calls/group/rules/stopped").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1));
        Api.as(a, "admin").get("/v1/workspaces/{ws}/write-keys", a).then().statusCode(200)
                .body("find { it.id == '" + keyId + "' }.revokedAt", org.hamcrest.Matchers.nullValue());
        Api.as(a, "viewer").get("/v1/quarantine/{id}", message).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("QUARANTINED"));
        Api.as(a, "viewer").get("/v1/suggestions").then().statusCode(200)
                .body("items.event", org.hamcrest.Matchers.hasItem(suggested));
        Api.as(a, "viewer").get("/v1/channels/{id}", channelId).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("matrix"))
                .body("secretVersion", org.hamcrest.Matchers.equalTo(1));
        Api.as(a, "viewer").get("/v1/subscriptions").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(subscriptionId));
        Api.as(a, "viewer").get("/v1/notifications/{id}", notificationId).then().statusCode(200);
        Api.as(a, "viewer").get("/v1/alerts/{id}", alertId).then().statusCode(200)
                .body("incident.status", org.hamcrest.Matchers.equalTo("open"))
                .body("actions", org.hamcrest.Matchers.hasSize(0));
        Api.as(a, "viewer").get("/v1/maintenance-windows").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(List.of(windowId)));
        Api.as(a, "viewer").get("/v1/teams/{team}/quiet-hours", team).then().statusCode(200);
    }

    private static Rule rule(Role needed, Other other) {
        return new Rule(needed, other);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
