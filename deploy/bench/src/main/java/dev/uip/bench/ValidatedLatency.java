package dev.uip.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Measures how long events take from the edge to usage-events-validated: for every record of one workspace that
 * becomes readable (read_committed, so only once validation's transaction committed) during the run, the time from
 * its record timestamp (the edge's {@code receivedAt}, taken before the edge acknowledged) to the moment a consumer on
 * this machine reads it. An upper bound of ack-to-validated: the edge's own ack latency is included.
 */
public final class ValidatedLatency {

    private ValidatedLatency() {
    }

    /** {@code ValidatedLatency <bootstrap> <workspace> <seconds> [label]}: prints one VALIDATED_LATENCY line. */
    public static void main(String[] args) {
        String workspace = args[1] + "/";
        long seconds = Long.parseLong(args[2]);
        String label = args.length > 3 ? args[3] : "run";
        Map<String, Object> config = Map.of("bootstrap.servers", args[0], "isolation.level", "read_committed",
                "enable.auto.commit", false, "fetch.min.bytes", 1, "fetch.max.wait.ms", 5,
                "max.poll.records", 5000);
        Latencies latencies = new Latencies(20_000_000);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("usage-events-validated").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                var records = consumer.poll(Duration.ofMillis(20));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.key() != null && record.key().startsWith(workspace)) {
                        latencies.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, now - record.timestamp())));
                    }
                }
            }
        }
        long[] sorted = latencies.sorted();
        System.out.printf(Locale.ROOT, "VALIDATED_LATENCY label=%s events=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f%n",
                label, sorted.length, Latencies.percentile(sorted, 0.5), Latencies.percentile(sorted, 0.99),
                Latencies.percentile(sorted, 1.0));
    }
}
