package dev.uip.ingest.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.uip.ingest.config.StreamsSettings;
import dev.uip.ingest.domain.Receipt;
import dev.uip.ingest.messaging.RawEventPublisher;
import dev.uip.ingest.service.ReceiptBook;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/**
 * Follows the validated and quarantined topics and files every outcome in the receipt book while receipts are being
 * asked for (see {@link ReceiptBook#expect()}); idle otherwise. Every instance reads every partition, so a receipt
 * is found whichever instance validated the event.
 */
@ApplicationScoped
public class OutcomeFollower {

    private static final Logger LOG = Logger.getLogger(OutcomeFollower.class);

    @Inject
    ReceiptBook book;

    @Inject
    StreamsSettings topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    /** Clock differences between this instance and the producers of raw events, generously. */
    private static final long SEEK_MARGIN_MILLIS = 5_000;

    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    void start(@Observes StartupEvent event) {
        Thread follower = new Thread(this::follow, "validation-outcomes");
        follower.setDaemon(true);
        follower.start();
    }

    private void follow() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "uip-ingest-receipts-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("apicurio.registry.url", registryUrl);
        var validated = new SpecificAvroDeserializer<>(ValidatedUsageEvent.class);
        var quarantined = new SpecificAvroDeserializer<>(QuarantinedUsageEvent.class);
        validated.configure(config, false);
        quarantined.configure(config, false);
        while (running) {
            try (var kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(topics.validatedTopic(), topics.quarantinedTopic())) {
                    kafka.partitionsFor(topic, Duration.ofSeconds(10))
                            .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
                kafka.assign(partitions);
                kafka.pause(partitions);
                boolean following = false;
                while (running) {
                    long since = book.interestedSince();
                    if (!following && since >= 0) {
                        startFollowing(kafka, partitions, since);
                        following = true;
                    } else if (following && since < 0) {
                        kafka.pause(partitions);
                        following = false;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                        file(record, validated, quarantined);
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Following validation outcomes failed, retrying: %s", e.toString());
                    java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
                }
            }
        }
    }

    /**
     * Outcomes carry the time their raw event was published, which is after its request asked for receipts: reading
     * from a little before the first request of a period misses none of them.
     */
    private static void startFollowing(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> partitions,
            long since) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since - SEEK_MARGIN_MILLIS));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(times, Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, Duration.ofSeconds(10));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            kafka.seek(partition, offset != null ? offset.offset() : ends.get(partition));
        }
        kafka.resume(partitions);
    }

    // Only outcomes someone waits for are decoded; the rest are filed from their headers, without detail.
    private void file(ConsumerRecord<byte[], byte[]> record, SpecificAvroDeserializer<ValidatedUsageEvent> validated,
            SpecificAvroDeserializer<QuarantinedUsageEvent> quarantined) {
        String workspace = header(record, RawEventPublisher.WORKSPACE_HEADER);
        String messageId = header(record, RawEventPublisher.MESSAGE_ID_HEADER);
        boolean isValidated = record.topic().equals(topics.validatedTopic());
        if (workspace != null && messageId != null && !book.awaited(workspace, messageId)) {
            book.record(workspace, new Receipt(messageId, isValidated ? Receipt.VALIDATED : Receipt.QUARANTINED,
                    null, List.of()));
            return;
        }
        if (isValidated) {
            ValidatedUsageEvent event = validated.deserialize(record.topic(), record.headers(), record.value());
            book.record(event.getWorkspaceId(), new Receipt(event.getMessageId(), Receipt.VALIDATED, null, List.of()));
        } else {
            QuarantinedUsageEvent event = quarantined.deserialize(record.topic(), record.headers(), record.value());
            book.record(event.getRaw().getWorkspaceId(), new Receipt(event.getRaw().getMessageId(),
                    Receipt.QUARANTINED, event.getReason().name(), event.getViolations().stream()
                            .map(v -> new Receipt.Problem(v.getPath(), v.getCode(), v.getMessage())).toList()));
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
