package dev.uip.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

import dev.uip.schemas.DefinitionChanged;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/** Publishes change events to the real broker as definition-service does (registry-encoded, key = workspace). */
public final class Changes {

    private static KafkaProducer<String, DefinitionChanged> producer;

    private Changes() {
    }

    /** A change of an event definition by alice, with a fresh change id. */
    public static DefinitionChanged of(String workspace, String action, Instant occurredAt) {
        return DefinitionChanged.newBuilder().setChangeId(UUID.randomUUID().toString()).setWorkspaceId(workspace)
                .setActor("alice").setAction(action).setEntityType("EVENT_DEFINITION").setEntityId("Invoice Sent")
                .setBefore("{}").setAfter("{}").setVersion(1).setOccurredAt(occurredAt).build();
    }

    /** Publishes the change on definition-changes and waits for the broker's acknowledgement. */
    public static void send(DefinitionChanged change) {
        send(Topics.DEFINITION_CHANGES, change);
    }

    /** Publishes the change on {@code topic} and waits for the broker's acknowledgement. */
    public static synchronized void send(String topic, DefinitionChanged change) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class,
                    "apicurio.registry.url", RealStack.get().registryUrl(),
                    "apicurio.registry.auto-register", true));
        }
        try {
            producer.send(new ProducerRecord<>(topic, change.getWorkspaceId(), change)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + change.getChangeId(), e);
        }
    }
}
