package dev.uip.ingest.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

/**
 * Reads the newest records of one workspace from a topic with a throw-away consumer, for people checking where their
 * events landed. Records are keyed {@code <workspace>/...}; only the workspace's own records are decoded.
 */
public class TopicInspector {

    /** How far back each partition is searched for the workspace's records. */
    public static final int SCAN_PER_PARTITION = 5_000;
    /** The most records one look returns. */
    public static final int MAX_LIMIT = 200;

    /** One record as read. */
    public record Found(String key, int partition, long offset, Instant time, Object value) {
    }

    private final String bootstrapServers;
    private final String registryUrl;

    public TopicInspector(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /**
     * The newest {@code limit} records of {@code workspace} among the newest {@link #SCAN_PER_PARTITION} records of
     * each partition of {@code topic}, newest first. Holds at most {@code limit} records while it scans. Blocks for at
     * most a few seconds.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     */
    public List<Found> newest(String topic, String workspace, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "uip-inspect-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String prefix = workspace + "/";
        NewestRecords<String, byte[]> mine = new NewestRecords<>(limit);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - SCAN_PER_PARTITION));
            }
            Instant deadline = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(deadline)
                    && !partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(prefix) && record.value() != null) {
                        mine.offer(record);
                    }
                }
            }
        }
        return decode(topic, mine.newestFirst());
    }

    private List<Found> decode(String topic, List<ConsumerRecord<String, byte[]>> records) {
        try (AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>()) {
            // Generic records: the inspector only renders them as JSON and needs no generated classes.
            values.configure(Map.of("apicurio.registry.url", registryUrl,
                    "apicurio.registry.use-specific-avro-reader", false), false);
            List<Found> found = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                Object value;
                try {
                    value = values.deserialize(topic, record.headers(), record.value());
                } catch (RuntimeException e) {
                    value = "undecodable record: " + e.getMessage();
                }
                found.add(new Found(record.key(), record.partition(), record.offset(),
                        Instant.ofEpochMilli(record.timestamp()), value));
            }
            return found;
        }
    }
}
