package dev.uip.definition.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ReleaseResult;
import dev.uip.schemas.Violation;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/**
 * Writes what the validation topology would write onto the real broker: quarantined events, and the outcomes of
 * releases (the topology itself is not part of this service's tests).
 */
final class QuarantineKafka {

    private static KafkaProducer<String, Object> producer;

    private QuarantineKafka() {
    }

    static RawUsageEvent track(String workspace, String messageId, String event, String propertiesJson) {
        return raw(workspace, messageId, MessageType.TRACK, event, "{\"type\":\"track\",\"event\":\"" + event
                + "\",\"userId\":\"u-1\",\"messageId\":\"" + messageId + "\",\"properties\":" + propertiesJson
                + "}");
    }

    static RawUsageEvent raw(String workspace, String messageId, MessageType type, String event, String payload) {
        return RawUsageEvent.newBuilder().setWorkspaceId(workspace).setWriteKeyId("wk_test").setMessageId(messageId)
                .setType(type).setEvent(event).setUserId("u-1").setTimestamp(Instant.parse("2026-11-27T10:00:00Z"))
                .setReceivedAt(Instant.parse("2026-11-27T10:00:01Z")).setFlags(List.of("FUTURE_TIMESTAMP"))
                .setPayload(payload).build();
    }

    static QuarantinedUsageEvent quarantined(RawUsageEvent raw, QuarantineReason reason, Instant at,
            Violation... violations) {
        return QuarantinedUsageEvent.newBuilder().setRaw(raw).setReason(reason).setViolations(List.of(violations))
                .setQuarantinedAt(at).build();
    }

    static Violation violation(String path, String code, String message) {
        return Violation.newBuilder().setPath(path).setCode(code).setMessage(message).build();
    }

    static void quarantine(QuarantinedUsageEvent... events) {
        for (QuarantinedUsageEvent event : events) {
            send(new ProducerRecord<>(Topics.QUARANTINED, key(event.getRaw().getWorkspaceId(),
                    event.getRaw().getMessageId()), event));
        }
        producer().flush();
    }

    static void outcome(String workspace, String releaseId, String messageId, ReleaseResult result, String reason,
            Violation... violations) {
        QuarantineReleaseOutcome outcome = QuarantineReleaseOutcome.newBuilder().setReleaseId(releaseId)
                .setWorkspaceId(workspace).setMessageId(messageId).setOutcome(result).setReason(reason)
                .setViolations(List.of(violations)).setDecidedAt(Instant.now()).build();
        send(new ProducerRecord<>(Topics.RELEASE_OUTCOMES, key(workspace, messageId), outcome));
        producer().flush();
    }

    /**
     * Sends one record. The serializer registers a schema on its first use; the in-JVM registry (H2) can time out
     * when that overlaps the service's own first registrations on a loaded machine, so a refused registration is
     * tried again.
     */
    static void send(ProducerRecord<String, Object> record) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(
                e -> e.getCause() != null && e.getCause().getClass().getName().startsWith("io.apicurio"))
                .until(() -> producer().send(record) != null);
    }

    private static String key(String workspace, String messageId) {
        return workspace + "/" + messageId;
    }

    /** One producer for the test JVM: its serializer registers each schema once and then finds it in its cache. */
    static synchronized KafkaProducer<String, Object> producer() {
        if (producer != null) {
            return producer;
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", "apicurio.registry.url", RealStack.get().registryUrl(),
                "apicurio.registry.auto-register", true, "apicurio.registry.find-latest", true);
        AvroKafkaSerializer<Object> values = new AvroKafkaSerializer<>();
        values.configure(config, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
        return producer;
    }
}
