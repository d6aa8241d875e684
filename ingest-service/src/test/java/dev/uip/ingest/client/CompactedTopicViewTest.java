package dev.uip.ingest.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.WorkspaceState;
import dev.uip.stack.RealStack;

/** A record the view cannot decode is stepped over on the real broker: what comes after it is still read. */
class CompactedTopicViewTest {

    final String topic = "view-test-" + UUID.randomUUID();
    CompactedTopicView<WorkspaceState> view;

    @AfterEach
    void stop() {
        if (view != null) {
            view.stop();
        }
    }

    @Test
    void aPoisonRecordIsSkippedAndTheNextOnesAreVisible() throws Exception {
        RealStack stack = RealStack.get();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        send("ws-before", state("ws-before"));
        sendRaw("ws-poison", "not an Avro record".getBytes(StandardCharsets.UTF_8));
        send("ws-after", state("ws-after"));

        view = new CompactedTopicView<>(topic, WorkspaceState.class, stack.bootstrapServers(), stack.registryUrl())
                .start();
        await().atMost(Duration.ofSeconds(30)).until(() -> view.get("ws-after").isPresent());
        assertTrue(view.get("ws-before").isPresent());
        assertTrue(view.get("ws-poison").isEmpty());
        assertEquals(1, view.skipped());
        await().atMost(Duration.ofSeconds(10)).until(view::caughtUp);

        // It keeps following the topic after the poison.
        send("ws-later", state("ws-later"));
        await().atMost(Duration.ofSeconds(30)).until(() -> view.get("ws-later").isPresent());
        assertEquals(1, view.skipped());
    }

    static WorkspaceState state(String id) {
        return WorkspaceState.newBuilder().setWorkspaceId(id).setName(id)
                .setUnplannedEvents(UnplannedEventPolicy.QUARANTINE).setUpdatedAt(Instant.now()).build();
    }

    void send(String key, WorkspaceState value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.get().bootstrapServers(), "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true);
        AvroKafkaSerializer<WorkspaceState> values = new AvroKafkaSerializer<>();
        values.configure(config, false);
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), values)) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    void sendRaw(String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.get().bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}
