package dev.uip.audit.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.uip.audit.AuditStack;
import dev.uip.stack.RealStack;

/**
 * When the consumer cannot go on (here: the dead-letter topic refuses what it must park), the service says so:
 * not ready and not alive, so that an orchestrator restarts it and the record is read again.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
@TestProfile(StoppedChannelReadinessTest.UnwritableDeadLetters.class)
class StoppedChannelReadinessTest {

    static final String TOPIC = "audit-stopped-channel-" + UUID.randomUUID();

    /** The channel reads a topic of its own and parks on a dead-letter topic whose name the broker refuses. */
    public static class UnwritableDeadLetters implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RealStack.get().bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create " + TOPIC, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Could not create " + TOPIC, e);
            }
            return Map.of(
                    "uip.audit.change-topics", TOPIC,
                    "mp.messaging.incoming.definition-changes.dead-letter-queue.topic", "dead letters?");
        }
    }

    @Test
    void isNeitherReadyNorAliveOnceTheChannelStopped() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200));
        String workspace = "ws-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            raw.send(new ProducerRecord<>(TOPIC, workspace,
                    "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503).body("status", equalTo("DOWN")));
        given().get("/q/health/live").then().statusCode(503);
    }
}
