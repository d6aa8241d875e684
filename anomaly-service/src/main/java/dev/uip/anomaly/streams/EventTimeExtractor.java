package dev.uip.anomaly.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import dev.uip.schemas.ValidatedUsageEvent;

/**
 * Windows events by when they happened (the event's clock-skew-corrected timestamp), bounded by when the platform
 * received them: an event never counts later than its receipt. A client controls its timestamps, and a time ahead
 * of receipt would move the partition's stream time forward (making every other workspace's on-time events late)
 * and would become a repartition record the broker refuses (more than an hour ahead), which once stopped counting
 * for everyone. Times before the epoch count at the epoch, far outside any window, so they are dropped as late.
 */
public class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long received = record.timestamp();
        if (record.value() instanceof ValidatedUsageEvent event) {
            if (event.getReceivedAt() != null) {
                long receivedAt = event.getReceivedAt().toEpochMilli();
                received = received < 0 ? receivedAt : Math.min(received, receivedAt);
            }
            if (event.getTimestamp() != null) {
                long happened = event.getTimestamp().toEpochMilli();
                return Math.max(0, received < 0 ? happened : Math.min(happened, received));
            }
        }
        return Math.max(0, received);
    }
}
