package dev.uip.ingest.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

/**
 * A generated Segment export (one message per line, as Segment writes them: timestamp, originalTimestamp, sentAt,
 * receivedAt) with the events each line should become, and a reader of what arrived on the raw topic.
 */
final class SegmentExport {

    private static final String[] TYPES = {"track", "identify", "page", "screen", "group", "alias"};
    /** Months before any test runs: beyond the edge's 30-day backfill horizon. */
    static final Instant FIRST = Instant.parse("2024-03-01T10:00:00Z");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final List<String> lines = new ArrayList<>();
    /** Original event time by userId, of every line that should be stored. */
    final Map<String, Instant> expected = new HashMap<>();
    /** userIds of stored lines that carry no messageId. */
    final List<String> withoutMessageId = new ArrayList<>();

    /** Adds {@code count} valid messages of every type; every {@code idlessEvery}-th has no messageId. */
    SegmentExport events(int count, int idlessEvery) {
        for (int n = 0; n < count; n++) {
            int i = expected.size();
            String user = "u-" + run + "-" + i;
            Instant time = FIRST.plusSeconds(i * 37L);
            String type = TYPES[i % TYPES.length];
            StringBuilder line = new StringBuilder("{\"type\":\"").append(type).append("\",\"userId\":\"")
                    .append(user).append('"');
            boolean idless = idlessEvery > 0 && i % idlessEvery == 0;
            if (idless) {
                withoutMessageId.add(user);
            } else {
                line.append(",\"messageId\":\"").append(run).append('-').append(i).append('"');
            }
            switch (type) {
                case "track" -> line.append(",\"event\":\"Report Exported\",\"properties\":{\"rows\":").append(i)
                        .append('}');
                case "identify" -> line.append(",\"traits\":{\"plan\":\"pro\"}");
                case "page", "screen" -> line.append(",\"name\":\"Settings\"");
                case "group" -> line.append(",\"groupId\":\"g-").append(i % 10).append('"');
                default -> line.append(",\"previousId\":\"anon-").append(i).append('"');
            }
            // As in a Segment export: the device's clock ran 2 s behind, the SDK sent 3 s later, Segment received
            // it 1 s after that; "timestamp" is the event time Segment corrected.
            line.append(",\"timestamp\":\"").append(time).append("\",\"originalTimestamp\":\"")
                    .append(time.minusSeconds(2)).append("\",\"sentAt\":\"").append(time.plusSeconds(1))
                    .append("\",\"receivedAt\":\"").append(time.plusSeconds(4))
                    .append("\",\"context\":{\"library\":{\"name\":\"analytics.js\"}}}");
            lines.add(line.toString());
            expected.put(user, time);
        }
        return this;
    }

    /** Adds a line as it is (bad JSON, a message the edge refuses, a blank line). */
    SegmentExport raw(String line) {
        lines.add(line);
        return this;
    }

    /** The 1-based line number of the last line added. */
    int lastLine() {
        return lines.size();
    }

    static Path writePlain(Path file, List<String> lines) throws IOException {
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static Path writeGzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Every raw event of the workspace, read from the beginning of the topic to its current end. */
    static List<RawUsageEvent> stored(String workspace) {
        return stored(Topics.RAW, workspace);
    }

    /** Every record of the workspace on a topic of raw events, read from its beginning to its current end. */
    static List<RawUsageEvent> stored(String topic, String workspace) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.get().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put("apicurio.registry.url", RealStack.get().registryUrl());
        SpecificAvroDeserializer<RawUsageEvent> values = new SpecificAvroDeserializer<>(RawUsageEvent.class);
        values.configure(config, false);
        List<RawUsageEvent> mine = new ArrayList<>();
        // Read as bytes: other tests leave records on the topic that cannot be decoded; only ours are decoded.
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(topic + " could not be read to its end in 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(workspace + "/")) {
                        mine.add(values.deserialize(topic, record.headers(), record.value()));
                    }
                }
            }
        }
        return mine;
    }
}
