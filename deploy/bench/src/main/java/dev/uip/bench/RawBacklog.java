package dev.uip.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.CachedAvroSerializer;

/**
 * Writes a backlog of raw track events straight to {@code usage-events-raw} (registry Avro and key as the ingest
 * edge writes them), for the validation drain benchmark: {@code events} events of {@code event} in
 * {@code workspace}, spread over 1,000 users, of which every {@code retry-every}-th repeats the previous message
 * (same messageId, as an SDK retry does), to {@code topic} (created with {@code partitions} partitions when missing,
 * so that each benchmark run drains a backlog of exactly its own events). Prints
 * {@code BACKLOG_WRITTEN events=N duplicates=D}.
 */
public final class RawBacklog {

    private RawBacklog() {
    }

    /**
     * {@code --bootstrap HOST:PORT --registry URL --workspace WS --event NAME [--events N] [--retry-every K]
     * [--properties JSON] [--topic T] [--partitions P]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = AvroProducers.options(args);
        long events = Long.parseLong(options.getOrDefault("events", "2000000"));
        long retryEvery = Long.parseLong(options.getOrDefault("retry-every", "100"));
        String workspace = options.getOrDefault("workspace", "bench");
        String event = options.getOrDefault("event", "Report Exported");
        String properties = options.getOrDefault("properties", "{\"format\": \"csv\", \"rows\": 120}");
        String topic = options.getOrDefault("topic", "usage-events-raw");
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "6"));

        Map<String, Object> config = AvroProducers.config(options);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
        }
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Properties producerConfig = new Properties();
        producerConfig.putAll(config);
        CachedAvroSerializer<RawUsageEvent> values = new CachedAvroSerializer<>();
        values.configure(config, false);

        long duplicates = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, RawUsageEvent> producer = new KafkaProducer<>(producerConfig,
                new StringSerializer(), values)) {
            long id = 0;
            for (long i = 0; i < events; i++) {
                boolean retry = retryEvery > 0 && i > 0 && i % retryEvery == 0;
                if (retry) {
                    duplicates++;
                } else {
                    id++;
                }
                String user = "u-" + (id % 1000);
                long now = System.currentTimeMillis();
                String messageId = "bench-" + start + "-" + id;
                RawUsageEvent raw = RawUsageEvent.newBuilder().setWorkspaceId(workspace).setMessageId(messageId)
                        .setType(MessageType.TRACK).setEvent(event).setUserId(user)
                        .setTimestamp(Instant.ofEpochMilli(now)).setReceivedAt(Instant.ofEpochMilli(now))
                        .setFlags(List.of())
                        .setPayload("{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"" + user
                                + "\",\"messageId\":\"" + messageId + "\",\"properties\":" + properties
                                + ",\"context\":{\"library\":{\"name\":\"analytics-java\",\"version\":\"3.5.1\"}}}")
                        .build();
                producer.send(new ProducerRecord<>(topic, null, now, workspace + "/" + user, raw));
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "BACKLOG_WRITTEN events=%d duplicates=%d seconds=%.1f%n", events, duplicates,
                (System.nanoTime() - start) / 1e9);
    }
}
