package dev.uip.audit.messaging;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import io.smallrye.common.annotation.Identifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.audit.config.AuditConfig;
import dev.uip.audit.domain.ChainHead;

/**
 * Reads the latest published chain head of a workspace from the compacted heads topic: the key's partition is read
 * backwards in windows from its end, so an active workspace's head is found without reading the whole partition.
 */
@ApplicationScoped
public class PublishedHeads {

    private static final int WINDOW = 500;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    AuditConfig config;

    @Inject
    ObjectMapper json;

    private KafkaConsumer<String, String> consumer;

    /** The latest head published for {@code workspace}, or empty if none was; blocks (call it off the event loop). */
    public synchronized Optional<ChainHead> latest(String workspace) {
        String topic = config.headsTopic();
        KafkaConsumer<String, String> reader = consumer();
        Instant deadline = Instant.now().plus(config.headsReadTimeout());
        List<PartitionInfo> partitions = reader.partitionsFor(topic, config.headsReadTimeout());
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        // The producer's default partitioner for keyed records.
        int partition = Utils.toPositive(Utils.murmur2(workspace.getBytes(StandardCharsets.UTF_8)))
                % partitions.size();
        TopicPartition tp = new TopicPartition(topic, partition);
        reader.assign(List.of(tp));
        long begin = reader.beginningOffsets(List.of(tp), config.headsReadTimeout()).get(tp);
        long windowEnd = reader.endOffsets(List.of(tp), config.headsReadTimeout()).get(tp);
        while (windowEnd > begin) {
            long windowStart = Math.max(begin, windowEnd - WINDOW);
            reader.seek(tp, windowStart);
            String found = null;
            boolean seen = false;
            while (reader.position(tp) < windowEnd) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the heads topic could not be read within "
                            + config.headsReadTimeout());
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200)).records(tp)) {
                    if (record.offset() < windowEnd && workspace.equals(record.key())) {
                        found = record.value();
                        seen = true;
                    }
                }
            }
            if (seen) {
                return Optional.ofNullable(found).map(this::parse);
            }
            windowEnd = windowStart;
        }
        return Optional.empty();
    }

    private ChainHead parse(String value) {
        try {
            return json.readValue(value, ChainHead.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a published head is not a chain head", e);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Map<String, Object> settings = new HashMap<>(kafka);
            settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "uip-audit-heads-reader");
            consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        }
        return consumer;
    }

    @PreDestroy
    synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
