package dev.uip.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

import dev.uip.ingest.domain.UnencodableEventException;
import dev.uip.schemas.RawUsageEvent;

/** Writes raw events as the records of usage-events-raw: key, headers, Avro bytes and the Kafka timestamp. */
public final class RawRecords {

    private final String topic;
    private final Serializer<RawUsageEvent> values;

    public RawRecords(String topic, Serializer<RawUsageEvent> values) {
        this.topic = topic;
        this.values = values;
    }

    /**
     * Every event as a record, or none.
     *
     * @throws UnencodableEventException naming the first event whose data cannot be written (the client's fault)
     * @throws RuntimeException as the serializer threw it, when the cause is not the data (e.g. no registry)
     */
    public List<ProducerRecord<String, byte[]>> encode(List<RawUsageEvent> events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            RawUsageEvent event = events.get(i);
            String identity = event.getUserId() != null ? event.getUserId() : event.getAnonymousId();
            RecordHeaders headers = new RecordHeaders();
            headers.add(RawEventPublisher.WORKSPACE_HEADER, event.getWorkspaceId().getBytes(StandardCharsets.UTF_8));
            headers.add(RawEventPublisher.MESSAGE_ID_HEADER, event.getMessageId().getBytes(StandardCharsets.UTF_8));
            byte[] value;
            try {
                // The registry's serializer adds its schema id to the headers given here.
                value = values.serialize(topic, headers, event);
            } catch (RuntimeException e) {
                if (causedByData(e)) {
                    throw new UnencodableEventException(i, e);
                }
                throw e;
            }
            // The Kafka timestamp of a raw record is its receipt time, never the client's event time: the broker
            // refuses timestamps far ahead of its clock, and stream time downstream must not jump with a client.
            records.add(new ProducerRecord<>(topic, null, event.getReceivedAt().toEpochMilli(),
                    event.getWorkspaceId() + "/" + identity, value, headers));
        }
        return records;
    }

    private static boolean causedByData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ArithmeticException || t instanceof DateTimeException
                    || t instanceof AvroRuntimeException) {
                return true;
            }
        }
        return false;
    }
}
