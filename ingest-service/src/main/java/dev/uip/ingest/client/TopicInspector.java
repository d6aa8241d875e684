package dev.uip.ingest.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

/** Reads the newest records of a topic with a throw-away consumer, for people checking where events landed. */
public class TopicInspector {

    /** One record as read. */
    public record Found(String key, int partition, long offset, Instant time, Object value) {
    }

    private final String bootstrapServers;
    private final String registryUrl;

    public TopicInspector(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** The newest {@code limit} records of {@code topic}, newest first. Blocks for at most a few seconds. */
    public List<Found> newest(String topic, int limit) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "uip-inspect-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put("apicurio.registry.url", registryUrl);
        // Generic records: the inspector only renders them as JSON and needs no generated classes.
        config.put("apicurio.registry.use-specific-avro-reader", false);
        List<Found> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
            long wanted = 0;
            for (TopicPartition partition : partitions) {
                long start = Math.max(begins.get(partition), ends.get(partition) - limit);
                consumer.seek(partition, start);
                wanted += ends.get(partition) - start;
            }
            Instant deadline = Instant.now().plusSeconds(5);
            while (found.size() < wanted && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(new Found(record.key(), record.partition(), record.offset(),
                            Instant.ofEpochMilli(record.timestamp()), record.value()));
                }
                if (partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                    break;
                }
            }
        }
        found.sort(Comparator.comparing(Found::time).reversed());
        return found.size() > limit ? found.subList(0, limit) : found;
    }
}
