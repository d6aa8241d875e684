package dev.uip.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import dev.uip.ingest.domain.UnencodableEventException;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.RawUsageEvent;

/** Encoding a request's events: all of them or none, with the receipt time as each record's Kafka timestamp. */
class RawRecordsTest {

    static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00.123Z");

    /** The same Avro binary encoding as the registry's serializer, without the registry. */
    static final Serializer<RawUsageEvent> AVRO = (topic, event) -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(RawUsageEvent.class).write(event, encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    };

    static RawUsageEvent event(int i, Instant timestamp) {
        return RawUsageEvent.newBuilder().setWorkspaceId("ws1").setWriteKeyId("wk").setMessageId("m" + i)
                .setType(MessageType.TRACK).setEvent("A").setUserId("u" + i).setTimestamp(timestamp)
                .setReceivedAt(RECEIVED).setFlags(List.of()).setPayload("{}").build();
    }

    @Test
    void everyRecordCarriesItsReceiptTimeAsKafkaTimestampAndItsKeyAndHeaders() {
        List<ProducerRecord<String, byte[]>> records = new RawRecords("raw", AVRO).encode(List.of(
                event(0, Instant.parse("2020-01-01T00:00:00Z")), event(1, Instant.parse("2026-11-23T12:30:00Z"))));
        assertEquals(2, records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            assertEquals(RECEIVED.toEpochMilli(), record.timestamp());
            assertEquals("raw", record.topic());
        }
        assertEquals("ws1/u1", records.get(1).key());
        assertArrayEquals("m1".getBytes(StandardCharsets.UTF_8),
                records.get(1).headers().lastHeader(RawEventPublisher.MESSAGE_ID_HEADER).value());
    }

    @Test
    void anEventThatCannotBeEncodedIsNamedAndNothingIsReturned() {
        List<RawUsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 1999; i++) {
            events.add(event(i, RECEIVED));
        }
        // Beyond what Avro timestamp-millis holds: the 2,000th cannot be written.
        events.add(event(1999, Instant.parse("+999999999-12-31T23:59:59Z")));
        AtomicInteger encoded = new AtomicInteger();
        Serializer<RawUsageEvent> counting = (topic, event) -> {
            byte[] bytes = AVRO.serialize(topic, event);
            encoded.incrementAndGet();
            return bytes;
        };
        UnencodableEventException refused = assertThrows(UnencodableEventException.class,
                () -> new RawRecords("raw", counting).encode(events));
        assertEquals(1999, refused.index());
        assertEquals(1999, encoded.get(), "the events before it were encoded, none were handed on");
    }

    @Test
    void aFailureThatIsNotTheDataIsPassedOnAsItIs() {
        Serializer<RawUsageEvent> noRegistry = (topic, event) -> {
            throw new TimeoutException("registry unreachable");
        };
        assertThrows(TimeoutException.class,
                () -> new RawRecords("raw", noRegistry).encode(List.of(event(0, RECEIVED))));
    }
}
