package dev.uip.anomaly.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.streams.DeadLetterHandler;
import dev.uip.stack.RealStack;
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
        await().atMost(CountEndToEndTest.PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Calls.asViewer(neighbour)
                        .queryParam("minutes", 60).get("/v1/counts/{workspace}/{event}", neighbour, "Invoice Sent")
                        .then().statusCode(200).body("count.sum()", equalTo(3)));
        Calls.asViewer(dreamer).queryParam("minutes", 60).get("/v1/counts/{workspace}/{event}", dreamer, "Invoice Sent")
                .then().statusCode(200).body("count.sum()", equalTo(2));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anUnreadableRecordIsParkedWithItsBytesAndCountingGoesOn() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        byte[] garbage = ("garbage for " + workspace).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
                KafkaProducer<String, Object> producer = CountEndToEndTest.producer()) {
            raw.send(new ProducerRecord<>(Topics.VALIDATED, workspace, garbage)).get();
            producer.send(new ProducerRecord<>(Topics.VALIDATED, workspace,
                    event(workspace, Instant.now(), Instant.now()))).get();
        }

        await().atMost(CountEndToEndTest.PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Calls.asViewer(workspace)
                        .queryParam("minutes", 60).get("/v1/counts/{workspace}/{event}", workspace, "Invoice Sent")
                        .then().statusCode(200).body("count.sum()", equalTo(1)));
        // Not skipped silently: parked on the dead-letter topic with its original bytes and where it came from.
        ConsumerRecord<byte[], byte[]> parked = deadLetter(garbage);
        assertEquals(Topics.VALIDATED, header(parked, DeadLetterHandler.SOURCE_TOPIC));
        assertEquals("DESERIALIZATION", header(parked, DeadLetterHandler.STAGE));
        assertEquals("uip-anomaly", header(parked, DeadLetterHandler.APPLICATION));
        given().get("/q/health/ready").then().statusCode(200);
    }

    static ConsumerRecord<byte[], byte[]> deadLetter(byte[] value) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (Arrays.equals(record.value(), value)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static ValidatedUsageEvent event(String workspace, Instant timestamp, Instant receivedAt) {
        return ValidatedUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(UUID.randomUUID().toString())
                .setType(MessageType.TRACK).setEvent("Invoice Sent").setUserId("user-1").setTimestamp(timestamp)
                .setReceivedAt(receivedAt).setFlags(List.of()).build();
    }
}
