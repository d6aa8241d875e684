package dev.uip.anomaly.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.ValidatedUsageEvent;

class EventTimeExtractorTest {

    static final Instant RECEIVED = Instant.parse("2026-11-27T12:00:00Z");
    final EventTimeExtractor extractor = new EventTimeExtractor();

    @Test
    void usesTheEventTimeWhenItIsNotAheadOfReceipt() {
        Instant happened = RECEIVED.minusSeconds(90);
        assertEquals(happened.toEpochMilli(), extract(event(happened, RECEIVED), RECEIVED.toEpochMilli()));
    }

    @Test
    void neverCountsLaterThanTheReceiptOrTheRecordTime() {
        assertEquals(RECEIVED.toEpochMilli(), extract(event(Instant.parse("9999-12-31T23:59:59Z"), RECEIVED),
                RECEIVED.toEpochMilli()));
        // A receivedAt ahead of the broker's record time is not trusted either.
        assertEquals(RECEIVED.toEpochMilli(), extract(event(RECEIVED.plusSeconds(7200), RECEIVED.plusSeconds(7200)),
                RECEIVED.toEpochMilli()));
    }

    @Test
    void timesBeforeTheEpochBecomeTheEpochInsteadOfANegativeTimestamp() {
        assertEquals(0, extract(event(Instant.parse("0001-01-01T00:00:00Z"), RECEIVED), RECEIVED.toEpochMilli()));
    }

    @Test
    void aRecordItCannotReadKeepsItsRecordTime() {
        assertEquals(RECEIVED.toEpochMilli(), extract("not an event", RECEIVED.toEpochMilli()));
    }

    long extract(Object value, long recordTime) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("validated", 0, 0, recordTime,
                TimestampType.CREATE_TIME, 0, 0, "key", value, new RecordHeaders(), Optional.empty());
        return extractor.extract(record, -1);
    }

    static ValidatedUsageEvent event(Instant timestamp, Instant receivedAt) {
        return ValidatedUsageEvent.newBuilder().setWorkspaceId("ws").setMessageId("m").setType(MessageType.TRACK)
                .setEvent("Invoice Sent").setTimestamp(timestamp).setReceivedAt(receivedAt).setFlags(List.of())
                .build();
    }
}
