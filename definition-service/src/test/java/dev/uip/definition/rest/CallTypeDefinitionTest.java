package dev.uip.definition.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;

/**
 * Definitions of page, screen and identify calls on the real stack: unique per workspace, call type and name, keyed
 * apart on event-definitions and grouped apart in the registry, so a track event and a page of one name coexist.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class CallTypeDefinitionTest {

    static final String PLAN = "[{\"name\":\"plan\",\"type\":\"enum\",\"required\":true,"
            + "\"allowedValues\":[\"free\",\"pro\"]}]";

    static RequestSpecification api(String workspace) {
        return Api.as(workspace, "editor", "user:cal")
                .contentType(ContentType.JSON);
    }

    static String workspace() {
        return "calls-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPageAndATrackEventOfOneNameCoexistApart() {
        String ws = workspace();
        api(ws).body("{\"name\":\"Pricing\",\"callType\":\"page\",\"properties\":" + PLAN + "}")
                .post("/v1/definitions").then().statusCode(201)
                .header("Location", endsWith("/v1/definitions/Pricing?callType=page"))
                .body("callType", equalTo("page")).body("status", equalTo("active"))
                .body("schema.groupId", equalTo(ws + ".page")).body("schema.artifactId", equalTo("Pricing"));
        // unique per call type: a second page of the name is refused, a track event of the name is not
        api(ws).body("{\"name\":\"Pricing\",\"callType\":\"page\"}").post("/v1/definitions").then().statusCode(409);
        api(ws).get("/v1/definitions/Pricing").then().statusCode(404);
        api(ws).body("{\"name\":\"Pricing\",\"properties\":[{\"name\":\"seats\",\"type\":\"integer\"}]}")
                .post("/v1/definitions").then().statusCode(201).header("Location", endsWith("/v1/definitions/Pricing"))
                .body("callType", equalTo("track")).body("schema.groupId", equalTo(ws));

        api(ws).get("/v1/definitions/Pricing?callType=page").then().statusCode(200)
                .body("properties.name", contains("plan"));
        api(ws).get("/v1/definitions/Pricing").then().statusCode(200).body("properties.name", contains("seats"));
        api(ws).get("/v1/definitions?callType=page").then().statusCode(200).body("total", equalTo(1))
                .body("items.callType", contains("page"));
        api(ws).get("/v1/definitions").then().statusCode(200).body("total", equalTo(2))
                .body("items.callType", containsInAnyOrder("page", "track"));
        api(ws).get("/v1/definitions?callType=banner").then().statusCode(400).body("field", equalTo("callType"));

        // a version of the page changes the page only; the body cannot move it to another call type
        api(ws).body("{\"name\":\"Pricing\",\"properties\":" + PLAN.replace("\"pro\"", "\"pro\",\"team\"") + "}")
                .put("/v1/definitions/Pricing?callType=page").then().statusCode(200).body("version", equalTo(2))
                .body("callType", equalTo("page"));
        api(ws).body("{\"name\":\"Pricing\",\"callType\":\"track\",\"properties\":[]}")
                .put("/v1/definitions/Pricing?callType=page").then().statusCode(400)
                .body("field", equalTo("callType"));
        api(ws).post("/v1/definitions/Pricing/archive?callType=page").then().statusCode(200)
                .body("status", equalTo("archived"));
        api(ws).get("/v1/definitions/Pricing").then().statusCode(200).body("status", equalTo("active"))
                .body("version", equalTo(1));
        api(ws).get("/v1/definitions/Pricing/versions?callType=page").then().statusCode(200)
                .body("action", contains("CREATED", "UPDATED", "ARCHIVED"));

        // on event-definitions the page is keyed <ws>/PAGE/<name>, the track event keeps <ws>/<name>
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> keys = TopicReader.keyed("event-definitions",
                    r -> ws.equals(String.valueOf(r.get("workspaceId")))).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key,
                            Collectors.mapping(r -> String.valueOf(r.value().get("callType")), Collectors.toList())));
            assertEquals(Map.of(ws + "/PAGE/Pricing", List.of("PAGE", "PAGE", "PAGE"),
                    ws + "/Pricing", List.of("TRACK")), keys);
        });
        // the audit trail names the page apart from the track event and shows its call type
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<GenericRecord> changes = TopicReader.records("definition-changes",
                    r -> ws.equals(String.valueOf(r.get("workspaceId"))) && "CREATED".equals(String.valueOf(
                            r.get("action"))));
            Map<String, String> after = changes.stream().collect(Collectors.toMap(
                    c -> String.valueOf(c.get("entityId")), c -> String.valueOf(c.get("after"))));
            assertEquals(java.util.Set.of("page/Pricing", "Pricing"), after.keySet());
            assertTrue(after.get("page/Pricing").contains("\"callType\":\"page\""), after.get("page/Pricing"));
            assertTrue(after.get("Pricing").contains("\"callType\":\"track\""), after.get("Pricing"));
        });
    }

    @Test
    void identifyHasOneDefinitionOfTheWorkspacesTraits() {
        String ws = workspace();
        String traits = "[{\"name\":\"email\",\"type\":\"string\",\"required\":true}]";
        api(ws).body("{\"callType\":\"identify\",\"properties\":" + traits + "}").post("/v1/definitions").then()
                .statusCode(201).header("Location", endsWith("/v1/definitions/identify?callType=identify"))
                .body("name", equalTo("identify")).body("callType", equalTo("identify"))
                .body("schema.groupId", equalTo(ws + ".identify"));
        // at most one per workspace: it has one fixed name
        api(ws).body("{\"callType\":\"identify\",\"properties\":[]}").post("/v1/definitions").then()
                .statusCode(409);
        api(ws).body("{\"name\":\"User Traits\",\"callType\":\"identify\"}").post("/v1/definitions").then()
                .statusCode(400).body("field", equalTo("name"));
        api(ws).get("/v1/definitions/identify?callType=identify").then().statusCode(200)
                .body("properties.name", contains("email"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(ws + "/IDENTIFY/identify"),
                TopicReader.keyed("event-definitions", r -> ws.equals(String.valueOf(r.get("workspaceId"))))
                        .stream().map(ConsumerRecord::key).toList()));
    }

    @Test
    void whatOnlyTrackDefinitionsCanBeIsRefused() {
        String ws = workspace();
        api(ws).body("{\"name\":\"Billing\",\"callType\":\"page\",\"kind\":\"virtual\",\"virtualRule\":"
                + VirtualDefinitionTest.BILLING + "}").post("/v1/definitions").then().statusCode(400)
                .body("field", equalTo("callType"));
        api(ws).body("{\"name\":\"Home\",\"callType\":\"page\",\"autoRelease\":true}").post("/v1/definitions")
                .then().statusCode(400).body("field", equalTo("autoRelease"));
        api(ws).body("{\"name\":\"Home\",\"callType\":\"banner\"}").post("/v1/definitions").then().statusCode(400)
                .body("field", equalTo("callType"));
        api(ws).get("/v1/definitions").then().statusCode(200).body("total", equalTo(0));
    }
}
