package dev.uip.ingest.durability;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.WriteKeyState;
import dev.uip.schemas.keys.WriteKeyFormat;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.stack.Topics;

/** The test's own Kafka clients against the service's (private) cluster. */
final class ClusterClients {

    private ClusterClients() {
    }

    /** Issues a write key of {@code workspace} the way definition-service does, on this cluster's write-keys topic. */
    static String issueWriteKey(String bootstrapServers, String registryUrl, String workspace) throws Exception {
        String key = WriteKeyFormat.generate();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", true);
        AvroKafkaSerializer<WriteKeyState> values = new AvroKafkaSerializer<>();
        values.configure(config, false);
        WriteKeyState state = WriteKeyState.newBuilder().setKeyHash(WriteKeyFormat.hash(key))
                .setKeyId("wk_" + UUID.randomUUID().toString().substring(0, 8)).setWorkspaceId(workspace)
                .setRevoked(false).setChangedAt(Instant.now()).build();
        var producer = new KafkaProducer<>(config, new StringSerializer(), values);
        try {
            producer.send(new ProducerRecord<>(Topics.WRITE_KEYS, state.getKeyHash(), state)).get(30, TimeUnit.SECONDS);
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
        return key;
    }

    /** Follows usage-events-raw from its beginning, counting how often each message id was stored. */
    static final class RawTopicReader implements AutoCloseable {

        private final KafkaConsumer<String, RawUsageEvent> consumer;
        private final Map<String, Integer> stored = new HashMap<>();

        RawTopicReader(String bootstrapServers, String registryUrl) {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put("apicurio.registry.url", registryUrl);
            SpecificAvroDeserializer<RawUsageEvent> values = new SpecificAvroDeserializer<>(RawUsageEvent.class);
            values.configure(config, false);
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
            var partitions = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(Topics.RAW, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Reads what arrived since the last call; returns every message id stored so far and how often. */
        Map<String, Integer> poll() {
            for (ConsumerRecord<String, RawUsageEvent> record : consumer.poll(Duration.ofMillis(500))) {
                stored.merge(record.value().getMessageId(), 1, Integer::sum);
            }
            return stored;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
