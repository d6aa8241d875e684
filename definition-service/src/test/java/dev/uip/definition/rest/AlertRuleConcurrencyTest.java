package dev.uip.definition.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;

/** Writes of one rule that race: every accepted write is one version; preconditions let exactly one through. */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class AlertRuleConcurrencyTest {

    static final String RULE = "/v1/events/{event}/rules/{kind}";

    static Response put(String ws, String event, String body, String ifMatch) {
        var request = Api.as(ws, "editor").contentType(ContentType.JSON).body(body);
        return (ifMatch == null ? request : request.header("If-Match", ifMatch)).put(RULE, event, "spike");
    }

    @Test
    void racingFirstWritesOfOneRuleAllLand() throws Exception {
        // A new workspace too: the writes also race to create it.
        String ws = "rules-race-" + UUID.randomUUID().toString().substring(0, 8);
        String event = "Raced Rule";
        List<Response> answers = DefinitionConcurrencyTest.race(4, i -> put(ws, event, "{\"windowMinutes\":"
                + (i + 1) + "}", null));
        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 200, 200, 201), statuses, answers.stream().map(Response::asString).toList()
                .toString());
        Api.as(ws, "viewer").get(RULE + "/versions", event, "spike").then().statusCode(200)
                .body("items.version", contains(1, 2, 3, 4))
                .body("items.action", contains("CREATED", "UPDATED", "UPDATED", "UPDATED"));
    }

    @Test
    void ofRacingConditionalWritesExactlyOneWins() throws Exception {
        String ws = "rules-race-" + UUID.randomUUID().toString().substring(0, 8);
        String event = "Conditional Rule";
        // Creates that each insist there is no rule yet.
        List<Integer> creates = DefinitionConcurrencyTest.race(4, i -> put(ws, event, "{}", "\"0\"")).stream()
                .map(answer -> answer.statusCode() == 409
                        ? answer.jsonPath().getString("code").equals("VERSION_MISMATCH") ? 409 : -1
                        : answer.statusCode())
                .sorted().toList();
        assertEquals(List.of(201, 409, 409, 409), creates);
        // Changes that were all planned on version 1.
        List<Integer> changes = DefinitionConcurrencyTest.race(4, i -> put(ws, event, "{\"minVolume\":" + i + "}",
                "\"1\"")).stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 409, 409, 409), changes);
        Api.as(ws, "viewer").get(RULE, event, "spike").then().body("version", equalTo(2));
    }
}
