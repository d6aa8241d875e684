package dev.uip.ingest.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.WorkspaceState;
import dev.uip.schemas.WriteKeyState;
import dev.uip.schemas.keys.WriteKeyFormat;
import dev.uip.schemas.names.DefinitionKeys;
import dev.uip.stack.RealStack;
import dev.uip.stack.TestTokens;
import dev.uip.stack.Topics;

/**
 * Issues write keys and definitions the way definition-service does: their state on the real compacted topics.
 */
final class TestKeys {

    private static final Map<String, String> WORKSPACE_OF = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** A new key of {@code workspace}; returns the key itself. */
    static String issue(String workspace) {
        String key = WriteKeyFormat.generate();
        WORKSPACE_OF.put(key, workspace);
        publish(key, workspace, false);
        return key;
    }

    /**
     * {@code Bearer} service token of a viewer of the workspace {@code key} was issued for: what it takes to inspect
     * the events the key sent (write keys only write).
     */
    static String viewerOf(String key) {
        return TestTokens.bearer(WORKSPACE_OF.get(key), "viewer");
    }

    static void revoke(String key, String workspace) {
        publish(key, workspace, true);
    }

    private static void publish(String key, String workspace, boolean revoked) {
        WriteKeyState state = WriteKeyState.newBuilder().setKeyHash(WriteKeyFormat.hash(key))
                .setKeyId("wk_" + UUID.randomUUID().toString().substring(0, 8)).setWorkspaceId(workspace)
                .setRevoked(revoked).setChangedAt(Instant.now()).build();
        send(Topics.WRITE_KEYS, state.getKeyHash(), state);
    }

    /** Publishes a definition's state the way definition-service's outbox relay does. */
    static void define(EventDefinitionState state) {
        send(Topics.EVENT_DEFINITIONS, DefinitionKeys.topicKey(state.getWorkspaceId(), state.getCallType(),
                state.getName()), state);
    }

    /** Publishes a workspace's settings the way definition-service does. */
    static void workspace(String workspaceId, UnplannedEventPolicy unplannedEvents) {
        send(Topics.WORKSPACES, workspaceId, WorkspaceState.newBuilder().setWorkspaceId(workspaceId)
                .setName(workspaceId).setUnplannedEvents(unplannedEvents).setUpdatedAt(Instant.now()).build());
    }

    static <T> void send(String topic, String recordKey, T value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true);
        AvroKafkaSerializer<T> values = new AvroKafkaSerializer<>();
        values.configure(config, false);
        var producer = new KafkaProducer<>(config, new StringSerializer(), values);
        try {
            producer.send(new ProducerRecord<>(topic, recordKey, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        } finally {
            // Bounded: an unhealthy broker must fail the test, not hang it.
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
