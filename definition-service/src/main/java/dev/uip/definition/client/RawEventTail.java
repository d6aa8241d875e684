package dev.uip.definition.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

import dev.uip.definition.config.VirtualPreviewConfig;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;

/**
 * Reads the tail of the raw events topic for one workspace with a throw-away consumer (no group offsets): the newest
 * {@code scanPerPartition} records of every partition, decoding only the workspace's own (keys
 * {@code <workspace>/...}), within the configured timeout.
 */
@ApplicationScoped
public class RawEventTail {

    /** One of the workspace's raw events, where it was read; {@code event} is null when it could not be decoded. */
    public record Found(int partition, long offset, long timestamp, RawUsageEvent event) {
    }

    /** How much was read. */
    public record Scan(long scanned, boolean complete) {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @Inject
    VirtualPreviewConfig config;

    /** Hands every raw event of {@code workspace} in the scanned tail to {@code sink}, partition by partition. */
    public Scan read(String workspace, Consumer<Found> sink) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "uip-virtual-preview-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        settings.put("apicurio.registry.url", registryUrl);
        String prefix = workspace + "/";
        String topic = config.rawTopic();
        long scanned = 0;
        Instant deadline = Instant.now().plus(config.timeout());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer());
                SpecificAvroDeserializer<RawUsageEvent> values = new SpecificAvroDeserializer<>(
                        RawUsageEvent.class)) {
            values.configure(settings, false);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition)
                        - config.scanPerPartition()));
            }
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    return new Scan(scanned, false);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // written after the preview started
                    }
                    scanned++;
                    if (record.key() != null && record.key().startsWith(prefix) && record.value() != null) {
                        sink.accept(new Found(record.partition(), record.offset(), record.timestamp(),
                                decode(values, topic, record)));
                    }
                }
            }
        }
        return new Scan(scanned, true);
    }

    private static RawUsageEvent decode(SpecificAvroDeserializer<RawUsageEvent> values, String topic,
            ConsumerRecord<String, byte[]> record) {
        try {
            return values.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
