package dev.uip.anomaly.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.stack.RealStack;
import dev.uip.stack.RealStackResource;
import dev.uip.stack.Topics;

/**
 * On the real broker and registry: a key event sent steadily and then stopped raises an AnomalyAlert on usage-alerts
 * naming the event and its owner team, judged on wall-clock time; the trends API shows it silent and counts it in the
 * critical gap rate. Its history is sent at once, as an import would, so the test waits minutes, not an hour.
 */
@QuarkusTest
@QuarkusTestResource(RealStackResource.class)
@QuarkusTestResource(StreamsStateDirResource.class)
class AlertEndToEndTest {

    @Test
    void aKeyEventThatStopsRaisesAnAlertNamingItsOwnerTeam() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        List<AnomalyAlert> alerts = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, Object> producer = CountEndToEndTest.producer();
                AlertReader reader = new AlertReader(workspace, alerts)) {
            producer.send(new ProducerRecord<>(Topics.EVENT_DEFINITIONS, workspace + "/Checkout Completed",
                    CountEndToEndTest.state(workspace, "Checkout Completed", true, DefinitionStatus.ACTIVE, "high")))
                    .get();
            // The last 20 minutes of a steady event (30 a minute), as an import would send them, up to now.
            Instant stopped = Instant.now();
            Instant first = stopped.minus(Duration.ofMinutes(20));
            for (Instant at = first; at.isBefore(stopped); at = at.plusSeconds(2)) {
                producer.send(new ProducerRecord<>(Topics.VALIDATED, workspace, ValidatedUsageEvent.newBuilder()
                        .setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString())
                        .setType(MessageType.TRACK).setEvent("Checkout Completed").setUserId("u1").setTimestamp(at)
                        .setReceivedAt(at).setContext("{\"os\":{\"name\":\"iOS\"}}").build()));
            }
            producer.flush();
            assertTrue(alerts.isEmpty(), "alerts while the event was steady: " + alerts);

            // The bucket of the stop closes, then empty ones: each judged 15 s after it ends, within 5 s. The delay
            // is measured by deploy/bench/detection.sh; this bound only catches an alert that waits for more buckets.
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200)).until(() -> {
                reader.poll();
                return !alerts.isEmpty();
            });
            Duration delay = Duration.between(stopped, Instant.now());
            AnomalyAlert alert = alerts.get(0);
            assertEquals(AlertState.OPENED, alert.getState());
            assertEquals("STOPPED", alert.getRule());
            assertEquals("Checkout Completed", alert.getEvent());
            assertEquals("growth", alert.getOwnerTeam());
            assertEquals(AlertSeverity.HIGH, alert.getSeverity());
            assertTrue(delay.compareTo(Duration.ofSeconds(240)) <= 0, "alert " + delay + " after the stop");
        }

        Calls.asViewer(workspace).get("/v1/trends/{ws}/events", workspace).then().statusCode(200)
                .body("event", equalTo(List.of("Checkout Completed")))
                .body("health", equalTo(List.of("silent")))
                .body("ownerTeam", equalTo(List.of("growth")));
        Calls.asViewer(workspace).get("/v1/trends/{ws}/critical-gap-rate", workspace).then().statusCode(200)
                .body("keyEvents", equalTo(1)).body("critical", equalTo(1))
                .body("criticalEvents", equalTo(List.of("Checkout Completed")));
        List<Map<String, Object>> points = Calls.asViewer(workspace).queryParam("event", "Checkout Completed")
                .queryParam("breakdown", "platform")
                .queryParam("from", Instant.now().minus(Duration.ofMinutes(30)).toString())
                .get("/v1/trends/{ws}/series", workspace).then().statusCode(200).extract().jsonPath()
                .getList("points");
        assertEquals(600, points.stream().mapToInt(p -> (Integer) p.get("count")).sum());
        assertEquals(600, points.stream().mapToInt(p -> ((Map<?, ?>) p.get("breakdown")).containsKey("iOS")
                ? (Integer) ((Map<?, ?>) p.get("breakdown")).get("iOS")
                : 0).sum());
        Calls.asViewer(workspace).get("/v1/trends/{ws}/alerts", workspace).then().statusCode(200)
                .body("rule", equalTo(List.of("STOPPED")));
    }

    @Test
    void refusesQueriesItCannotAnswer() {
        Calls.asViewer("ws").queryParam("event", "E").queryParam("granularity", "week").get("/v1/trends/ws/series")
                .then()
                .statusCode(400).body("code", equalTo("INVALID_GRANULARITY"));
        Calls.asViewer("ws").queryParam("event", "E").queryParam("breakdown", "country").get("/v1/trends/ws/series")
                .then()
                .statusCode(400).body("code", equalTo("INVALID_BREAKDOWN"));
        Calls.asViewer("ws").queryParam("event", "E").queryParam("from", "yesterday").get("/v1/trends/ws/series").then()
                .statusCode(400).body("code", equalTo("INVALID_TIME"));
        Calls.asViewer("ws").queryParam("event", "E").queryParam("from", "2020-01-01T00:00:00Z")
                .get("/v1/trends/ws/series")
                .then().statusCode(400).body("code", equalTo("RANGE_TOO_LARGE"));
        Calls.asViewer("ws").queryParam("event", "E").queryParam("type", "click").get("/v1/trends/ws/series").then()
                .statusCode(400).body("code", equalTo("INVALID_TYPE"));
        Calls.asViewer("ws").get("/v1/trends/ws/series").then().statusCode(400).body("code", equalTo("INVALID_EVENT"));
        Calls.asViewer("ws").queryParam("state", "closed").get("/v1/trends/ws/alerts").then().statusCode(400)
                .body("code", equalTo("INVALID_STATE"));
        // a workspace other than the token's, valid or not, is answered as one that does not exist
        Calls.asViewer("ws").get("/v1/trends/{ws}/events", "-bad").then().statusCode(404).body("code",
                equalTo("NOT_FOUND"));
    }

    /** Reads the alerts of one workspace from usage-alerts, from the end of the topic at creation. */
    static final class AlertReader implements AutoCloseable {

        private final String workspace;
        private final List<AnomalyAlert> alerts;
        private final KafkaConsumer<String, byte[]> consumer;
        private final SpecificAvroDeserializer<AnomalyAlert> deserializer = new SpecificAvroDeserializer<>(
                AnomalyAlert.class);

        AlertReader(String workspace, List<AnomalyAlert> alerts) {
            this.workspace = workspace;
            this.alerts = alerts;
            deserializer.configure(Map.of("apicurio.registry.url", RealStack.get().registryUrl()), false);
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealStack.get().bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.ALERTS).forEach(p -> partitions.add(new TopicPartition(p.topic(),
                    p.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        void poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(10))) {
                if (workspace.equals(record.key())) {
                    alerts.add(deserializer.deserialize(record.topic(), record.value()));
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
