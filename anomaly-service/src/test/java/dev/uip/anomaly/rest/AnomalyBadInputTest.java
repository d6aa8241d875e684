package dev.uip.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/** Odd and hostile query input: always a 2xx or a 4xx JSON answer, and the service stays ready afterwards. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
class AnomalyBadInputTest {

    @Test
    void oddPathsAndParametersAreClientErrorsNeverServerErrors() {
        // Until the topology runs its stores answer 503 STORE_NOT_READY, whatever the input.
        await().atMost(CountEndToEndTest.PATIENCE).untilAsserted(() -> Calls.asViewer("ws")
                .get("/v1/counts/{workspace}/{event}", "ws", "Invoice Sent").then().statusCode(200));
        String huge = "x".repeat(20_000);
        List<String> workspaces = List.of("ws", "WS", "a/b", "..", "ws%00", "ünï", huge.substring(0, 64), "-");
        List<String> events = List.of("Invoice Sent", " ", "ünïcødé ✓", huge.substring(0, 201), "%2e%2e");
        List<String> minutes = List.of("", "1", "-1", "0", "abc", "99999999999", "1e3", "1440", "1441", "%00");
        for (String workspace : workspaces) {
            for (String event : events) {
                for (String span : minutes) {
                    // the token names the same odd workspace, so the path's bounds are what answers
                    Calls.asViewer(workspace).urlEncodingEnabled(true).queryParam("minutes", span)
                            .get("/v1/counts/{workspace}/{event}", workspace, event).then()
                            .statusCode(lessThan(500));
                }
            }
            Calls.asViewer(workspace).queryParam("minutes", "-1").get("/v1/key-events/{workspace}", workspace).then()
                    .statusCode(lessThan(500));
        }
        Calls.asViewer("WS").get("/v1/counts/{workspace}/{event}", "WS", "Invoice Sent").then().statusCode(400)
                .body("code", equalTo("INVALID_WORKSPACE")).body("message", notNullValue());
        Calls.asViewer("ws").get("/v1/counts/{workspace}/{event}", "WS", "Invoice Sent").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Calls.asViewer("ws").get("/v1/counts/{workspace}/{event}", "ws", huge.substring(0, 201)).then().statusCode(400)
                .body("code", equalTo("INVALID_EVENT"));
        Calls.asViewer("ws").get("/v1/counts/" + huge + "/x").then().statusCode(lessThan(500));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anUnreadableDefinitionRecordCostsOnlyItself() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
                KafkaProducer<String, Object> avro = CountEndToEndTest.producer()) {
            raw.send(new ProducerRecord<>(Topics.EVENT_DEFINITIONS, workspace + "/Broken",
                    "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            avro.send(new ProducerRecord<>(Topics.EVENT_DEFINITIONS, workspace + "/Signup Completed",
                    CountEndToEndTest.state(workspace, "Signup Completed", true, DefinitionStatus.ACTIVE,
                            "critical")))
                    .get();
        }

        await().atMost(CountEndToEndTest.PATIENCE).untilAsserted(() -> Calls.asViewer(workspace)
                .get("/v1/key-events/{workspace}", workspace).then().statusCode(200)
                .body("event", equalTo(List.of("Signup Completed"))));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
