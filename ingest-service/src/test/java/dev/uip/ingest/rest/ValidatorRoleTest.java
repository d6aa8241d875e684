package dev.uip.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.uip.ingest.messaging.RawRecords;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.CachedAvroSerializer;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/** Only the validation topology: Segment calls are refused with a pointer, raw records are validated. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@TestProfile(ValidatorRoleTest.ValidatorOnly.class)
class ValidatorRoleTest {

    @Test
    void validatesRawRecordsAndRefusesSegmentCalls() throws Exception {
        String workspace = "val-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestKeys.issue(workspace);
        given().auth().preemptive().basic(key, "").contentType(ContentType.JSON)
                .body("{\"event\":\"A\",\"userId\":\"u\"}").post("/v1/track").then().statusCode(404)
                .body("code", equalTo("EDGE_DISABLED"));
        String messageId = "val-" + UUID.randomUUID();
        Instant now = Instant.now();
        RawUsageEvent raw = RawUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(messageId)
                .setType(MessageType.TRACK).setEvent("Validator Only").setUserId("u").setTimestamp(now)
                .setReceivedAt(now).setPayload("{\"event\":\"Validator Only\",\"userId\":\"u\",\"properties\":{}}")
                .build();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get()
                .bootstrapServers(), "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true, "apicurio.registry.find-latest", true);
        CachedAvroSerializer<RawUsageEvent> values = new CachedAvroSerializer<>();
        values.configure(config, false);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (var record : new RawRecords(Topics.RAW, values).encode(List.of(raw))) {
                producer.send(record).get();
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().header("Authorization", TestKeys.viewerOf(key))
                        .queryParam("limit", 200).get("/v1/inspect/validated").then().statusCode(200)
                        .body("value.messageId", hasItem(messageId)));
    }

    public static class ValidatorOnly implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("uip.ingest.role", "validator");
        }
    }
}
