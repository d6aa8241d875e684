package dev.uip.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind the end of one topic. */
final class GroupOffsets {

    /**
     * @param records records the group has yet to read (a partition without a commit counts from its start)
     * @param committed partitions of the topic the group has committed an offset for
     */
    record Lag(long records, int committed) {
    }

    private GroupOffsets() {
    }

    static Lag lag(Admin admin, String group, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        int done = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            done += offset == null ? 0 : 1;
            // transaction markers take an offset each: a partition within a few offsets of its end is caught up
            long behind = end.getValue().offset() - (offset == null ? 0 : offset.offset());
            lag += behind > 2 ? behind : 0;
        }
        return new Lag(lag, done);
    }
}
