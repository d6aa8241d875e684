package dev.uip.ingest.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The newest {@code limit} records among those offered (by timestamp, then partition and offset), kept in a heap of at
 * most {@code limit} records however many are offered.
 */
final class NewestRecords<K, V> {

    private static final Comparator<ConsumerRecord<?, ?>> OLDEST_FIRST = Comparator
            .comparingLong((ConsumerRecord<?, ?> r) -> r.timestamp())
            .thenComparingInt(ConsumerRecord::partition)
            .thenComparingLong(ConsumerRecord::offset);

    private final int limit;
    /** The oldest kept record on top, so a newer one replaces it in O(log limit). */
    private final PriorityQueue<ConsumerRecord<K, V>> heap;

    NewestRecords(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, OLDEST_FIRST);
    }

    void offer(ConsumerRecord<K, V> record) {
        if (heap.size() < limit) {
            heap.add(record);
        } else if (OLDEST_FIRST.compare(record, heap.peek()) > 0) {
            heap.poll();
            heap.add(record);
        }
    }

    int size() {
        return heap.size();
    }

    List<ConsumerRecord<K, V>> newestFirst() {
        List<ConsumerRecord<K, V>> newest = new ArrayList<>(heap);
        newest.sort(OLDEST_FIRST.reversed());
        return newest;
    }
}
