package dev.uip.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/** One validated event through the real broker and registry is counted and answered over HTTP. */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
class CountEndToEndTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void countsAValidatedEvent() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        Instant now = Instant.now();
        ValidatedUsageEvent event = ValidatedUsageEvent.newBuilder().setWorkspaceId(workspace)
                .setMessageId(UUID.randomUUID().toString()).setType(MessageType.TRACK).setEvent("Invoice Sent")
                .setUserId("user-1").setTimestamp(now).setReceivedAt(now).build();
        try (KafkaProducer<String, ValidatedUsageEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true))) {
            producer.send(new ProducerRecord<>(Topics.VALIDATED, workspace, event)).get();
        }

        // 503 STORE_NOT_READY until the topology runs, then the window with our one event.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> Calls.asViewer(workspace)
                .queryParam("minutes", 60).get("/v1/counts/{workspace}/{event}", workspace, "Invoice Sent")
                .then().statusCode(200).body("count", equalTo(List.of(1))));
        Calls.asViewer(workspace).get("/v1/counts/{workspace}/{event}", workspace, "Never Sent").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void listsTheWorkspacesActiveKeyEventsWithTheirCounts() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaProducer<String, Object> producer = producer()) {
            for (EventDefinitionState state : List.of(
                    state(workspace, "Signup Completed", true, DefinitionStatus.ACTIVE, "critical"),
                    state(workspace, "Invoice Sent", true, DefinitionStatus.ACTIVE, "high"),
                    state(workspace, "Tooltip Shown", false, DefinitionStatus.ACTIVE, "low"),
                    state(workspace, "Old Export", true, DefinitionStatus.ARCHIVED, "high"))) {
                producer.send(new ProducerRecord<>(Topics.EVENT_DEFINITIONS, workspace + "/" + state.getName(),
                        state)).get();
            }
            producer.send(new ProducerRecord<>(Topics.VALIDATED, workspace, ValidatedUsageEvent.newBuilder()
                    .setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString()).setType(MessageType.TRACK)
                    .setEvent("Invoice Sent").setUserId("user-1").setTimestamp(now).setReceivedAt(now).build()))
                    .get();
        }

        // Most critical first; the non-key and the archived events are not listed.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> Calls.asViewer(workspace)
                .get("/v1/key-events/{workspace}", workspace).then().statusCode(200)
                .body("event", equalTo(List.of("Signup Completed", "Invoice Sent")))
                .body("ownerTeam", equalTo(List.of("growth", "growth")))
                .body("total", equalTo(List.of(0, 1))));
        Calls.asViewer(workspace).queryParam("minutes", "never").get("/v1/key-events/{workspace}", workspace).then()
                .statusCode(400)
                .body("code", equalTo("INVALID_MINUTES"));
    }

    static EventDefinitionState state(String workspace, String name, boolean keyEvent, DefinitionStatus status,
            String criticality) {
        return EventDefinitionState.newBuilder().setWorkspaceId(workspace).setName(name).setStatus(status)
                .setEnforcement(EnforcementMode.QUARANTINE).setKeyEvent(keyEvent).setCriticality(criticality)
                .setOwnerTeam("growth").setVersion(1).setUpdatedAt(Instant.now()).build();
    }

    static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true));
    }

    @Test
    void rejectsSpansItCannotAnswer() {
        Calls.asViewer("ws").queryParam("minutes", "soon").get("/v1/counts/ws/Invoice Sent").then().statusCode(400)
                .body("code", equalTo("INVALID_MINUTES"));
        Calls.asViewer("ws").queryParam("minutes", 0).get("/v1/counts/ws/Invoice Sent").then().statusCode(400)
                .body("code", equalTo("INVALID_MINUTES"));
        Calls.asViewer("ws").queryParam("minutes", 24 * 60 + 1).get("/v1/counts/ws/Invoice Sent").then().statusCode(400)
                .body("code", equalTo("INVALID_MINUTES"));
    }

    @Test
    void isReadyOnceTheTopologyRuns() {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")));
    }

    @Test
    void statsTellWhatValidationMadeOfAnEventsTraffic() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaProducer<String, Object> producer = producer()) {
            for (List<String> flags : List.of(List.<String>of(), List.of("SCHEMA_VIOLATION"))) {
                producer.send(new ProducerRecord<>(Topics.VALIDATED, workspace, ValidatedUsageEvent.newBuilder()
                        .setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString())
                        .setType(MessageType.TRACK).setEvent("Invoice Sent").setTimestamp(now).setReceivedAt(now)
                        .setFlags(flags).build())).get();
            }
            RawUsageEvent raw = RawUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId("m-1")
                    .setType(MessageType.TRACK).setEvent("Invoice Sent").setTimestamp(now).setReceivedAt(now)
                    .setPayload("{}").build();
            producer.send(new ProducerRecord<>(Topics.QUARANTINED, workspace, QuarantinedUsageEvent.newBuilder()
                    .setRaw(raw).setReason(QuarantineReason.SCHEMA_VIOLATION).setQuarantinedAt(now).build())).get();
            // built afresh: copying a record with newBuilder(raw) trips over the test's two class loaders
            producer.send(new ProducerRecord<>(Topics.DUPLICATES, workspace, RawUsageEvent.newBuilder()
                    .setWorkspaceId(workspace).setMessageId("m-1").setType(MessageType.TRACK).setEvent("Invoice Sent")
                    .setTimestamp(now).setReceivedAt(now).setPayload("").build())).get();
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> Calls.asViewer(workspace)
                .queryParam("event", "Invoice Sent").queryParam("from", now.minusSeconds(600).toString())
                .get("/v1/trends/{workspace}/stats", workspace).then().statusCode(200)
                .body("totals.valid", equalTo(1)).body("totals.warned", equalTo(1))
                .body("totals.quarantined", equalTo(1))
                .body("totals.quarantinedByReason.SCHEMA_VIOLATION", equalTo(1))
                .body("totals.duplicates", equalTo(1))
                .body("totals.violationRate", equalTo(2f / 3)));
        Calls.asViewer(workspace).queryParam("event", "Invoice Sent").queryParam("granularity", "week")
                .get("/v1/trends/{workspace}/stats", workspace).then().statusCode(400)
                .body("code", equalTo("INVALID_GRANULARITY"));
    }
}
