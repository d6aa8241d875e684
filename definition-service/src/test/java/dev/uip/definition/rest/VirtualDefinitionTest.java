package dev.uip.definition.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.CachedAvroSerializer;
import dev.uip.stack.RealStack;

/**
 * Virtual definitions on the real stack: refused rules answer 400 with path and code, each change is a version on the
 * outbox with the rule on event-definitions, and the preview evaluates a rule over the newest raw events.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class VirtualDefinitionTest {

    static final String BILLING = """
            {"callTypes": ["page"], "where": {"path": "properties.url", "op": "contains", "value": "/billing"}}""";

    static RequestSpecification api(String workspace) {
        return Api.as(workspace, "editor", "user:vera")
                .contentType(ContentType.JSON);
    }

    static String virtual(String name, String rule) {
        return "{\"name\":\"" + name + "\",\"kind\":\"virtual\",\"description\":\"derived\",\"virtualRule\":" + rule
                + "}";
    }

    static void refused(String body, String code, String field) {
        api("virtual-defs").body(body).post("/v1/definitions").then().statusCode(400)
                .body("code", equalTo(code)).body("field", equalTo(field));
    }

    @Test
    void badRulesAreRefusedWithPathAndCode() {
        refused(virtual("Bad One", """
                {"callTypes":["page"],"where":{"path":"properties.url","op":"regex","value":"(a)\\\\1"}}"""),
                "INVALID_REGEX", "virtualRule.where.value");
        refused(virtual("Bad One", """
                {"callTypes":["page"],"where":{"and":[{"path":"properties.url","op":"like","value":"x"}]}}"""),
                "UNKNOWN_OPERATOR", "virtualRule.where.and[0].op");
        String leaf = "{\"path\":\"name\",\"op\":\"exists\"}";
        refused(virtual("Bad One",
                "{\"callTypes\":[\"page\"],\"where\":{\"and\":[{\"or\":[{\"and\":[{\"or\":[{\"and\":["
                        + leaf + "]}]}]}]}]}}"),
                "RULE_TOO_DEEP", "virtualRule.where.and[0].or[0].and[0].or[0]");
        refused(virtual("Bad One", "{\"where\":" + leaf + "}"), "MISSING_SOURCE", "virtualRule");
        refused("{\"name\":\"Bad One\",\"kind\":\"virtual\"}", "MISSING_RULE", "virtualRule");
        refused("{\"name\":\"Bad One\",\"kind\":\"virtual\",\"virtualRule\":" + BILLING
                + ",\"properties\":[{\"name\":\"a\",\"type\":\"string\"}]}", "INVALID_DEFINITION", "properties");
        refused("{\"name\":\"Bad One\",\"virtualRule\":" + BILLING + "}", "INVALID_DEFINITION", "virtualRule");
        refused("{\"name\":\"Bad One\",\"kind\":\"imaginary\",\"virtualRule\":" + BILLING + "}",
                "INVALID_DEFINITION", "kind");
        // nothing was stored
        api("virtual-defs").get("/v1/definitions/{name}", "Bad One").then().statusCode(404);
    }

    @Test
    void aVirtualDefinitionIsVersionedAndTravelsWithItsRule() {
        String ws = "virtual-defs";
        String name = "Visited Billing " + UUID.randomUUID();
        api(ws).body(virtual(name, BILLING)).post("/v1/definitions").then().statusCode(201)
                .body("kind", equalTo("virtual")).body("status", equalTo("active")).body("version", equalTo(1))
                .body("publishedVersion", equalTo(1)).body("schema", nullValue())
                .body("virtualRule.callTypes", contains("page"))
                .body("virtualRule.where.value", equalTo("/billing"));

        String pay = """
                {"callTypes": ["page"], "where": {"path": "properties.url", "op": "starts_with", "value": "/pay"}}""";
        api(ws).body(virtual(name, pay)).put("/v1/definitions/{name}", name).then().statusCode(200)
                .body("version", equalTo(2)).body("publishedVersion", equalTo(2))
                .body("virtualRule.where.op", equalTo("starts_with"));
        // the kind is the definition's identity, as its name is
        api(ws).body("{\"name\":\"" + name + "\",\"kind\":\"tracked\",\"properties\":[]}")
                .put("/v1/definitions/{name}", name).then().statusCode(400).body("field", equalTo("kind"));
        // a refused rule changes nothing
        api(ws).body(virtual(name, "{\"callTypes\":[\"page\"],\"where\":{\"path\":\"x\",\"op\":\"exists\"}}"))
                .put("/v1/definitions/{name}", name).then().statusCode(400).body("code", equalTo("INVALID_PATH"));

        api(ws).get("/v1/definitions/{name}/versions", name).then().statusCode(200).body("$", hasSize(2))
                .body("[0].definition.virtualRule.where.value", equalTo("/billing"))
                .body("[1].definition.virtualRule.where.value", equalTo("/pay"));
        api(ws).get("/v1/definitions/{name}/diff?from=1&to=2", name).then().statusCode(200)
                .body("metadata.field", contains("virtualRule"));

        // the current state carries the rule to ingest, and the audit trail sees each change
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<GenericRecord> states = TopicReader.records("event-definitions",
                    r -> name.equals(String.valueOf(r.get("name"))) && ((Integer) r.get("version")) == 2);
            assertEquals(1, states.size());
            assertTrue(String.valueOf(states.get(0).get("virtualRule")).contains("\"/pay\""));
            assertEquals("ACTIVE", String.valueOf(states.get(0).get("status")));
            assertEquals(null, states.get(0).get("schemaRef"));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<GenericRecord> changes = TopicReader.records("definition-changes",
                    r -> name.equals(String.valueOf(r.get("entityId"))));
            assertEquals(List.of("CREATED", "UPDATED"), changes.stream().map(c -> String.valueOf(c.get("action")))
                    .toList());
            assertTrue(String.valueOf(changes.get(1).get("after")).contains("\"/pay\""));
        });

        // archived: no longer active on the topic (ingest stops deriving), restored: active again
        api(ws).post("/v1/definitions/{name}/archive", name).then().statusCode(200).body("status",
                equalTo("archived"));
        api(ws).post("/v1/definitions/{name}/restore", name).then().statusCode(200).body("status", equalTo("active"))
                .body("version", equalTo(4)).body("publishedVersion", equalTo(4));
    }

    @Test
    void aDraftVirtualDefinitionIsPublishedWithoutTheRegistry() {
        String name = "Draft Virtual " + UUID.randomUUID();
        api("virtual-defs").body("{\"name\":\"" + name + "\",\"kind\":\"virtual\",\"status\":\"draft\","
                + "\"virtualRule\":" + BILLING + "}").post("/v1/definitions").then().statusCode(201)
                .body("status", equalTo("draft")).body("publishedVersion", nullValue());
        api("virtual-defs").post("/v1/definitions/{name}/publish", name).then().statusCode(200)
                .body("status", equalTo("active")).body("version", equalTo(2)).body("publishedVersion", equalTo(2))
                .body("schema", nullValue());
    }

    @Test
    void previewCountsMatchesAmongTheNewestRawEventsOfTheWorkspace() {
        String ws = "preview-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        try (var producer = rawProducer()) {
            // 30 page calls of which every third visits billing, then 5 track events, then another workspace's
            for (int i = 0; i < 30; i++) {
                String url = i % 3 == 0 ? "https://app.example.com/billing/" + i : "https://app.example.com/home";
                send(producer, raw(ws, "p-" + i, MessageType.PAGE, null, now.plusMillis(i),
                        "{\"type\":\"page\",\"properties\":{\"url\":\"" + url + "\"}}"));
            }
            for (int i = 0; i < 5; i++) {
                send(producer, raw(ws, "t-" + i, MessageType.TRACK, "Clicked", now.plusMillis(100 + i),
                        "{\"type\":\"track\",\"event\":\"Clicked\",\"properties\":{\"url\":\"/billing\"}}"));
            }
            send(producer, raw("someone-else", "x-1", MessageType.PAGE, null, now.plusMillis(200),
                    "{\"type\":\"page\",\"properties\":{\"url\":\"/billing\"}}"));
        }
        String body = "{\"virtualRule\":" + BILLING + "}";
        var all = api(ws).body(body).post("/v1/definitions/virtual/preview").then().statusCode(200)
                .body("limit", equalTo(1000)).body("evaluated", equalTo(35)).body("matched", equalTo(10))
                .body("complete", equalTo(true)).body("examples", hasSize(10))
                .body("examples[0].messageId", equalTo("p-27")).body("examples[9].messageId", equalTo("p-0"))
                .body("examples[0].type", equalTo("page"))
                .body("examples[0].message.properties.url", equalTo("https://app.example.com/billing/27"))
                .extract().jsonPath();
        assertFalse(all.getList("examples.messageId").contains("x-1"));

        // only the newest 10 events (5 track, 5 page: p-25..p-29 of which p-27 matches)
        api(ws).body("{\"virtualRule\":" + BILLING + ",\"limit\":10}").post("/v1/definitions/virtual/preview")
                .then().statusCode(200).body("evaluated", equalTo(10)).body("matched", equalTo(1))
                .body("examples.messageId", contains("p-27"));

        // the bounds and the rule's checks answer 400 before anything is read
        api(ws).body("{\"virtualRule\":" + BILLING + ",\"limit\":10001}").post("/v1/definitions/virtual/preview")
                .then().statusCode(400).body("field", equalTo("limit"));
        api(ws).body("{\"virtualRule\":" + BILLING + ",\"limit\":0}").post("/v1/definitions/virtual/preview")
                .then().statusCode(400).body("field", equalTo("limit"));
        api(ws).body("{\"virtualRule\":{\"events\":[\"A\"],\"where\":{\"path\":\"properties.a\",\"op\":\"regex\","
                + "\"value\":\"(?=x)\"}}}").post("/v1/definitions/virtual/preview").then().statusCode(400)
                .body("code", equalTo("INVALID_REGEX")).body("field", equalTo("virtualRule.where.value"));
        api(ws).body("{\"limit\":5}").post("/v1/definitions/virtual/preview").then().statusCode(400)
                .body("code", equalTo("MISSING_RULE"));
        api(ws).body("{\"virtualRule\":" + BILLING + ",\"extra\":1}").post("/v1/definitions/virtual/preview")
                .then().statusCode(400).body("field", equalTo("extra"));
    }

    static KafkaProducer<String, RawUsageEvent> rawProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers());
        config.put("apicurio.registry.url", RealStack.get().registryUrl());
        config.put("apicurio.registry.auto-register", true);
        config.put("apicurio.registry.find-latest", true);
        CachedAvroSerializer<RawUsageEvent> values = new CachedAvroSerializer<>();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    static void send(KafkaProducer<String, RawUsageEvent> producer, RawUsageEvent event) {
        try {
            producer.send(new ProducerRecord<>("usage-events-raw", null, event.getReceivedAt().toEpochMilli(),
                    event.getWorkspaceId() + "/" + event.getMessageId(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RawUsageEvent raw(String ws, String id, MessageType type, String event, Instant at, String payload) {
        return RawUsageEvent.newBuilder().setWorkspaceId(ws).setMessageId(id).setType(type).setEvent(event)
                .setUserId("u-1").setTimestamp(at).setReceivedAt(at).setPayload(payload).build();
    }
}
