package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.stack.TestTokens;

/** Every refusal of the alert-rule API: a 400 INVALID_RULE naming the field, and nothing stored. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AlertRuleBadInputTest {

    static final String WS = "rules-bad-input";
    static final String EVENT = "Bad Input Event";
    static final String RULE = "/v1/events/{event}/rules/{kind}";

    static RequestSpecification api() {
        return Api.as(WS, "editor").contentType(ContentType.JSON);
    }

    /** Asserts a 400 INVALID_RULE naming {@code field}, with a message. */
    static void refused(Response response, String field, String what) {
        assertEquals(400, response.statusCode(), what + ": " + response.asString());
        assertEquals("INVALID_RULE", response.jsonPath().getString("code"), what + ": " + response.asString());
        assertEquals(field, response.jsonPath().getString("field"), what + ": " + response.asString());
        assertTrue(response.jsonPath().getString("message").length() > 10, what);
    }

    @Test
    void bodiesThatBreakTheRulesOfTheirKind() {
        // kind -> body -> the field the 400 must name
        List<List<String>> cases = List.of(
                List.of("drop", "{\"threshold\":5}", "threshold"),
                List.of("above", "{}", "threshold"),
                List.of("below", "{\"threshold\":null}", "threshold"),
                List.of("above", "{\"threshold\":-1}", "threshold"),
                List.of("above", "{\"threshold\":1e400}", "threshold"),
                List.of("above", "{\"threshold\":\"ten\"}", "threshold"),
                List.of("percent_change", "{}", "percent"),
                List.of("percent_change", "{\"percent\":0}", "percent"),
                List.of("percent_change", "{\"percent\":1000.01}", "percent"),
                List.of("spike", "{\"percent\":20}", "percent"),
                List.of("drop", "{\"direction\":\"up\"}", "direction"),
                List.of("percent_change", "{\"percent\":20,\"direction\":\"sideways\"}", "direction"),
                List.of("stopped", "{\"baselineMinutes\":60}", "baselineMinutes"),
                List.of("percent_change", "{\"percent\":20,\"baselineMinutes\":0}", "baselineMinutes"),
                List.of("percent_change", "{\"percent\":20,\"baselineMinutes\":10081}", "baselineMinutes"),
                List.of("drop", "{\"windowMinutes\":0}", "windowMinutes"),
                List.of("drop", "{\"windowMinutes\":1441}", "windowMinutes"),
                List.of("drop", "{\"windowMinutes\":1.5}", "windowMinutes"),
                List.of("drop", "{\"windowMinutes\":\"5\"}", "windowMinutes"),
                List.of("drop", "{\"windowMinutes\":99999999999}", "windowMinutes"),
                List.of("drop", "{\"minVolume\":-0.5}", "minVolume"),
                List.of("drop", "{\"minVolume\":1e13}", "minVolume"),
                List.of("drop", "{\"sensitivity\":\"extreme\"}", "sensitivity"),
                List.of("drop", "{\"severity\":\"urgent\"}", "severity"),
                List.of("drop", "{\"enabled\":\"yes\"}", "enabled"),
                List.of("drop", "{\"enabled\":1}", "enabled"),
                List.of("stopped", "{\"quietHours\":{\"startHour\":24,\"endHour\":6}}", "quietHours.startHour"),
                List.of("stopped", "{\"quietHours\":{\"startHour\":22}}", "quietHours.endHour"),
                List.of("stopped", "{\"quietHours\":{\"startHour\":3,\"endHour\":3}}", "quietHours.endHour"),
                List.of("stopped", "{\"quietHours\":{\"startHour\":22,\"endHour\":6,\"timeZone\":\"Mars/Base\"}}",
                        "quietHours.timeZone"),
                List.of("stopped", "{\"quietHours\":{\"startHour\":22,\"endHour\":6,\"timeZone\":\"+02:00\"}}",
                        "quietHours.timeZone"),
                List.of("stopped", "{\"quietHours\":{\"startHour\":22,\"endHour\":6,\"minute\":5}}",
                        "quietHours.minute"),
                List.of("stopped", "{\"quietHours\":\"nights\"}", "quietHours"),
                List.of("drop", "{\"bogus\":1}", "bogus"),
                // The workspace comes from the service token, the key from the path: never from the body.
                List.of("drop", "{\"workspaceId\":\"someone-else\"}", "workspaceId"),
                List.of("drop", "{\"kind\":\"spike\"}", "kind"),
                List.of("drop", "", "$"),
                List.of("drop", "null", "$"),
                List.of("drop", "[]", "$"),
                List.of("drop", "{oops", "$"),
                List.of("drop", "{} {}", "$"),
                List.of("drop", "[".repeat(5_000) + "]".repeat(5_000), "$"));
        for (List<String> c : cases) {
            refused(api().body(c.get(1)).put(RULE, EVENT, c.get(0)), c.get(2), c.get(0) + " " + abbreviate(c.get(1)));
        }
        api().get("/v1/rules?event={event}", EVENT).then().statusCode(200).body("total",
                org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void pathsQueriesAndHeadersThatNameNoRule() {
        refused(api().body("{}").put(RULE, EVENT, "sometimes"), "kind", "an unknown kind");
        refused(api().body("{}").put(RULE + "?callType=colour", EVENT, "drop"), "callType", "an unknown call type");
        refused(api().body("{}").put(RULE + "?callType=identify", EVENT, "drop"), "callType",
                "identify on the event path");
        refused(api().body("{}").put("/v1/calls/track/rules/drop"), "callType", "track on the call path");
        refused(api().body("{}").put("/v1/calls/colour/rules/drop"), "callType", "an unknown call type in the path");
        refused(api().get("/v1/calls/identify/rules/never"), "kind", "an unknown kind on the call path");
        for (String event : List.of(" Leading", "Trailing ", "x".repeat(201), "bell\u0007", "nul\u0000")) {
            refused(api().body("{}").put(RULE, event, "drop"), "event", "event " + abbreviate(event));
            refused(api().get(RULE, event, "drop"), "event", "GET event " + abbreviate(event));
        }
        refused(api().header("If-Match", "abc").body("{}").put(RULE, EVENT, "drop"), "If-Match", "If-Match abc");
        refused(api().header("If-Match", "\"9999999999\"").body("{}").put(RULE, EVENT, "drop"), "If-Match",
                "a 10-digit If-Match");
        refused(api().body("{}").put(RULE + "?expectedVersion=-1", EVENT, "drop"), "expectedVersion",
                "a negative expectedVersion");
        refused(api().header("If-Match", "\"1\"").body("{}").put(RULE + "?expectedVersion=2", EVENT, "drop"),
                "expectedVersion", "If-Match and expectedVersion disagreeing");
        refused(api().header("If-Match", "x").delete(RULE, EVENT, "drop"), "If-Match", "DELETE with If-Match x");
        refused(api().get(RULE + "/versions?page=-1", EVENT, "drop"), "page", "a negative page");
        for (Map.Entry<String, String> query : Map.of("kind", "often", "callType", "fax", "size", "500",
                "enabled", "maybe", "event", "x".repeat(201), "page", "x").entrySet()) {
            refused(api().queryParam(query.getKey(), query.getValue()).get("/v1/rules"), query.getKey(),
                    "list with " + query.getKey() + "=" + abbreviate(query.getValue()));
        }
        // Nothing was stored by any of these.
        api().get("/v1/rules").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void tokensAreCheckedAsForDefinitions() {
        given().header("Authorization", "Bearer uipm_nonsense").get("/v1/rules").then().statusCode(401)
                .body("code", org.hamcrest.Matchers.equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer " + TestTokens.forged(WS, "admin")).contentType(ContentType.JSON)
                .body("{}").put(RULE, "Any " + UUID.randomUUID(), "drop").then().statusCode(401);
        given().header("Authorization", "Basic abc").delete("/v1/calls/group/rules/stopped").then().statusCode(401);
        // A viewer reads rules but changes none.
        Api.as(WS, "viewer").contentType(ContentType.JSON).body("{}").put(RULE, "Any " + UUID.randomUUID(), "drop")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("FORBIDDEN"));
        Api.as(WS, "viewer").delete("/v1/calls/group/rules/stopped").then().statusCode(403);
    }

    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
