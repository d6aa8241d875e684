package dev.uip.definition.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

import dev.uip.stack.RealStack;

/** Reads a topic of the real test broker from the beginning and returns the matching records. */
public final class TopicReader {

    private TopicReader() {
    }

    public static List<GenericRecord> records(String topic, Predicate<GenericRecord> wanted) {
        return keyed(topic, wanted).stream().map(ConsumerRecord::value).toList();
    }

    /** The matching records with their keys, in each partition's order. */
    static List<ConsumerRecord<String, GenericRecord>> keyed(String topic, Predicate<GenericRecord> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                "apicurio.registry.url", RealStack.get().registryUrl());
        AvroKafkaDeserializer<GenericRecord> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        List<ConsumerRecord<String, GenericRecord>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(300));
                for (ConsumerRecord<String, GenericRecord> record : batch) {
                    if (wanted.test(record.value())) {
                        found.add(record);
                    }
                }
                if (!found.isEmpty() && batch.isEmpty()) {
                    break;
                }
            }
        }
        return found;
    }
}
