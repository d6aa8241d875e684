package dev.uip.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * Client-controlled event times on the real broker: one event dated 9999-12-31 once stopped counting for every
 * workspace (the broker refused its repartition record); events dated ahead moved stream time and made other
 * workspaces' on-time events late.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
class ClientDataResilienceTest {

    @Test
    void anEventDatedInTheYear9999DoesNotStopCountingForOthers() throws Exception {
        String dreamer = "ws-" + UUID.randomUUID();
        String neighbour = "ws-" + UUID.randomUUID();
        Instant now = Instant.now();
        try (KafkaProducer<String, Object> producer = CountEndToEndTest.producer()) {
            // Same key as the neighbour's events: the same partition, so the same stream time.
            producer.send(new ProducerRecord<>(Topics.VALIDATED, "same-partition",
                    event(dreamer, Instant.parse("9999-12-31T23:59:59Z"), now))).get();
            producer.send(new ProducerRecord<>(Topics.VALIDATED, "same-partition",
                    event(dreamer, now.plus(50, ChronoUnit.MINUTES), now))).get();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(Topics.VALIDATED, "same-partition",
                        event(neighbour, Instant.now(), Instant.now()))).get();
            }
        }

        // The neighbour's on-time events are all counted; the dreamer's two count when they were received.
        await().atMost(CountEndToEndTest.PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .queryParam("minutes", 60).get("/v1/counts/{workspace}/{event}", neighbour, "Invoice Sent")
                .then().statusCode(200).body("count.sum()", equalTo(3)));
        given().queryParam("minutes", 60).get("/v1/counts/{workspace}/{event}", dreamer, "Invoice Sent")
                .then().statusCode(200).body("count.sum()", equalTo(2));
        given().get("/q/health/ready").then().statusCode(200);
    }

    static ValidatedUsageEvent event(String workspace, Instant timestamp, Instant receivedAt) {
        return ValidatedUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString())
                .setType(MessageType.TRACK).setEvent("Invoice Sent").setUserId("user-1").setTimestamp(timestamp)
                .setReceivedAt(receivedAt).setFlags(List.of()).build();
    }
}
