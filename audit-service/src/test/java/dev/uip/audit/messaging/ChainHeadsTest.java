package dev.uip.audit.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.uip.audit.AuditStack;
import dev.uip.audit.Changes;
import dev.uip.audit.Db;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/**
 * After each append the workspace's chain head goes to the compacted heads topic (key workspace), with the sequence and
 * hash the database holds, and a head at or below one already published is never published again.
 */
@QuarkusTest
@QuarkusTestResource(AuditStack.class)
class ChainHeadsTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void publishesEachAppendedHeadAndNeverGoesBack() throws Exception {
        String workspace = "ws-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Changes.send(Changes.of(workspace, "UPDATED", T0.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> heads(workspace).size() == 3);
        List<JsonPath> published = heads(workspace);
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, published.get(i).getLong("sequence"));
            assertEquals(workspace, published.get(i).getString("workspace"));
            assertEquals(hashAt(workspace, i + 1), published.get(i).getString("hash"));
        }

        // A superuser cuts the tail; the next change takes sequence 3 again, with another hash: not published.
        Db.tamper("DELETE FROM audit_entry WHERE workspace_id = '" + workspace + "' AND sequence = 3");
        Changes.send(Changes.of(workspace, "ARCHIVED", T0.plusSeconds(10)));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.number(
                "SELECT count(*) FROM audit_entry WHERE workspace_id = ?", workspace) == 3);
        Changes.send(Changes.of(workspace, "RESTORED", T0.plusSeconds(11)));
        await().atMost(Duration.ofSeconds(60)).until(() -> heads(workspace).size() == 4);
        List<JsonPath> after = heads(workspace);
        assertEquals(4, after.get(3).getLong("sequence"));
        assertEquals(hashAt(workspace, 4), after.get(3).getString("hash"));
    }

    @Test
    void theHeadsTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.get().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUDIT_CHAIN_HEADS);
            ConfigEntry policy = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy");
            assertEquals("compact", policy.value());
        }
    }

    static String hashAt(String workspace, long sequence) throws Exception {
        try (var c = Db.owner();
                var s = c.prepareStatement(
                        "SELECT hash FROM audit_entry WHERE workspace_id = ? AND sequence = ?")) {
            s.setString(1, workspace);
            s.setLong(2, sequence);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Every head published for the workspace, oldest first (the topic is not compacted this fast). */
    static List<JsonPath> heads(String workspace) {
        List<JsonPath> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_CHAIN_HEADS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (workspace.equals(record.key())) {
                        found.add(new JsonPath(record.value()));
                    }
                }
            }
        }
        return found;
    }
}
