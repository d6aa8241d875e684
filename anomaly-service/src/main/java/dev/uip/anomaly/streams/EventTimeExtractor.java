package dev.uip.anomaly.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import dev.uip.schemas.ValidatedUsageEvent;

/** Windows events by when they happened (the event's corrected timestamp), not by when Kafka received them. */
public class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ValidatedUsageEvent event && event.getTimestamp() != null) {
            return event.getTimestamp().toEpochMilli();
        }
        return record.timestamp();
    }
}
