package dev.uip.ingest.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.serde.SpecificModels;

/**
 * Holds back what could not be validated because the registry did not answer, instead of quarantining it: held events
 * are validated again, oldest first, every {@code retryEvery} of wall-clock time and forwarded once the registry
 * answers, so a registry outage leaves nothing in quarantine. An event held longer than {@code maxHold}, or arriving
 * while {@code maxHeld} events are held, is quarantined as REGISTRY_UNAVAILABLE as before, so nothing waits forever.
 */
final class HoldProcessor implements Processor<String, EventValidator.Outcome, String, EventValidator.Outcome> {

    private static final Logger LOG = Logger.getLogger(HoldProcessor.class);
    /** Most held events validated again in one punctuation (the rest wait for the next). */
    static final int MAX_PER_RETRY = 5_000;
    /* Through a model of the generated class's loader, not the generated class's own (see SpecificModels). */
    private static final SpecificData HELD_MODEL = SpecificModels.forClass(RawUsageEvent.class);
    private static final BinaryMessageEncoder<RawUsageEvent> HELD_ENCODER = new BinaryMessageEncoder<>(HELD_MODEL,
            RawUsageEvent.getClassSchema());
    private static final BinaryMessageDecoder<RawUsageEvent> HELD_DECODER = new BinaryMessageDecoder<>(HELD_MODEL,
            RawUsageEvent.getClassSchema());

    private final EventValidator validator;
    private final ValidationTopology.Hold settings;
    private ProcessorContext<String, EventValidator.Outcome> context;
    private KeyValueStore<String, byte[]> held;
    private long count;

    HoldProcessor(EventValidator validator, ValidationTopology.Hold settings) {
        this.validator = validator;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, EventValidator.Outcome> context) {
        this.context = context;
        this.held = context.getStateStore(ValidationTopology.HELD_STORE);
        this.count = held.approximateNumEntries();
        context.schedule(settings.retryEvery(), PunctuationType.WALL_CLOCK_TIME, this::retry);
    }

    @Override
    public void process(Record<String, EventValidator.Outcome> record) {
        EventValidator.Outcome outcome = record.value();
        if (outcome.quarantined() == null
                || outcome.quarantined().getReason() != QuarantineReason.REGISTRY_UNAVAILABLE
                || count >= settings.maxHeld()) {
            context.forward(record);
            return;
        }
        RawUsageEvent raw = outcome.quarantined().getRaw();
        long now = context.currentSystemTimeMs();
        held.put(String.format("%013d/%s/%s", now, raw.getWorkspaceId(), raw.getMessageId()), encode(record.key(),
                record.timestamp(), raw));
        if (count++ == 0) {
            LOG.infof("The registry does not answer: holding events until it does (at most %s, %d events)",
                    settings.maxHold(), settings.maxHeld());
        }
    }

    /** Validates held events again, oldest first, until one still finds the registry away. */
    private void retry(long now) {
        // the store is asked, not the count: after a restart the count is only RocksDB's estimate
        List<KeyValue<String, byte[]>> batch = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = held.all()) {
            while (all.hasNext() && batch.size() < MAX_PER_RETRY) {
                batch.add(all.next());
            }
        }
        for (KeyValue<String, byte[]> entry : batch) {
            long heldAt = Long.parseLong(entry.key.substring(0, 13));
            String key;
            long timestamp;
            RawUsageEvent raw;
            try {
                ByteBuffer value = ByteBuffer.wrap(entry.value);
                byte[] keyBytes = new byte[value.getInt()];
                value.get(keyBytes);
                key = new String(keyBytes, StandardCharsets.UTF_8);
                timestamp = value.getLong();
                raw = HELD_DECODER.decode(value.slice());
            } catch (Exception e) {
                // written by this class, unreadable only after an incompatible upgrade: parked whole, not dropped
                String workspaceAndId = entry.key.substring(14);
                context.forward(new Record<>(workspaceAndId, validator.undecodable(workspaceAndId, entry.value, e),
                        now));
                held.delete(entry.key);
                count = Math.max(0, count - 1);
                continue;
            }
            EventValidator.Outcome outcome = validator.validateOrQuarantine(raw);
            boolean stillAway = !outcome.valid()
                    && outcome.quarantined().getReason() == QuarantineReason.REGISTRY_UNAVAILABLE;
            if (stillAway && now - heldAt < settings.maxHold().toMillis()) {
                return; // keep the order: the ones behind it were held later
            }
            context.forward(new Record<>(key, outcome, timestamp));
            held.delete(entry.key);
            count = Math.max(0, count - 1);
            if (count == 0) {
                LOG.info("The registry answers again: every held event is validated");
            }
        }
    }

    private static byte[] encode(String key, long timestamp, RawUsageEvent raw) {
        try {
            byte[] keyBytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
            ByteBuffer rawBytes = HELD_ENCODER.encode(raw);
            return ByteBuffer.allocate(4 + keyBytes.length + 8 + rawBytes.remaining()).putInt(keyBytes.length)
                    .put(keyBytes).putLong(timestamp).put(rawBytes).array();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
