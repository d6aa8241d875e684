package dev.uip.bench;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Prints how many records a consumer group (a Kafka Streams application id) has yet to read, per topic:
 * {@code LAG topic=T records=N}; with exactly-once producers the transaction markers count too (a few per partition).
 */
public final class GroupLag {

    private GroupLag() {
    }

    /** {@code BOOTSTRAP GROUP}. */
    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(args[1])
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Map<String, Long> lag = new java.util.TreeMap<>();
            committed.forEach((partition, offset) -> lag.merge(partition.topic(),
                    Math.max(0, ends.get(partition).offset() - (offset == null ? 0 : offset.offset())), Long::sum));
            lag.forEach((topic, records) -> System.out.println("LAG topic=" + topic + " records=" + records));
        }
    }
}
