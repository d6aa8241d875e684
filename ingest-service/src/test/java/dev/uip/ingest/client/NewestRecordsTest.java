package dev.uip.ingest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class NewestRecordsTest {

    static ConsumerRecord<String, String> record(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>("t", partition, offset, timestamp, TimestampType.CREATE_TIME, 1, 1, "ws/u",
                "v" + offset, new RecordHeaders(), Optional.empty());
    }

    @Test
    void keepsOnlyTheNewestLimitRecordsWhileScanning() {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            all.add(record(i % 3, i, 1_000_000L + i));
        }
        Collections.shuffle(all, new java.util.Random(7));
        NewestRecords<String, String> newest = new NewestRecords<>(5);
        int largest = 0;
        for (ConsumerRecord<String, String> r : all) {
            newest.offer(r);
            largest = Math.max(largest, newest.size());
        }
        assertEquals(5, largest, "never holds more than the limit");
        assertEquals(List.of(49_999L, 49_998L, 49_997L, 49_996L, 49_995L),
                newest.newestFirst().stream().map(ConsumerRecord::offset).toList());
    }

    @Test
    void equalTimestampsAreOrderedByPartitionAndOffset() {
        NewestRecords<String, String> newest = new NewestRecords<>(2);
        newest.offer(record(0, 7, 100));
        newest.offer(record(1, 3, 100));
        newest.offer(record(0, 9, 100));
        newest.offer(record(0, 1, 50));
        List<ConsumerRecord<String, String>> found = newest.newestFirst();
        assertEquals(List.of(1, 0), found.stream().map(ConsumerRecord::partition).toList());
        assertEquals(List.of(3L, 9L), found.stream().map(ConsumerRecord::offset).toList());
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NewestRecords<String, String>(0));
        assertTrue(new NewestRecords<String, String>(1).newestFirst().isEmpty());
    }
}
