package dev.uip.ingest.streams;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.RawUsageEvent;

/**
 * Decodes each raw record, drops a message already seen (same workspace and messageId) within the dedup window, and
 * validates the rest; what cannot be decoded or validated becomes a quarantine outcome, never an exception.
 */
final class ValidateProcessor implements FixedKeyProcessor<String, byte[], EventValidator.Outcome> {

    private final String topic;
    private final Deserializer<RawUsageEvent> reader;
    private final EventValidator validator;
    private final ValidationTopology.Dedup dedup;
    private FixedKeyProcessorContext<String, EventValidator.Outcome> context;
    private WindowStore<String, byte[]> seen;

    ValidateProcessor(String topic, Deserializer<RawUsageEvent> reader, EventValidator validator,
            ValidationTopology.Dedup dedup) {
        this.topic = topic;
        this.reader = reader;
        this.validator = validator;
        this.dedup = dedup;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EventValidator.Outcome> context) {
        this.context = context;
        if (dedup.enabled()) {
            seen = context.getStateStore(ValidationTopology.DEDUP_STORE);
        }
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RawUsageEvent raw;
        try {
            raw = reader.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            // quarantined, not skipped (which would lose it) and not fatal (which would stop validation for everyone)
            context.forward(record.withValue(validator.undecodable(record.key(), record.value(), e)));
            return;
        }
        if (seen != null && duplicate(raw, record.timestamp())) {
            dedup.duplicates().duplicate(raw);
            return;
        }
        context.forward(record.withValue(validator.validateOrQuarantine(raw)));
    }

    /**
     * Whether the message was kept within the window before or after {@code timestamp} (its receipt time); if not, it
     * is kept now. Ids are kept under the start of their window-long slot with their exact time as the value, so the
     * check is two point lookups (this slot and the one before; a retry within the window lands in one of them)
     * rather than a range scan. The time is never taken past the wall clock: a record stamped far ahead would move
     * the store's time and expire every kept id at once.
     */
    private boolean duplicate(RawUsageEvent raw, long timestamp) {
        long window = dedup.window().toMillis();
        long at = Math.max(0, Math.min(timestamp, context.currentSystemTimeMs()));
        long slot = at - at % window;
        String key = raw.getWorkspaceId() + "/" + raw.getMessageId();
        if (within(seen.fetch(key, slot), at, window) || slot >= window && within(seen.fetch(key, slot - window), at,
                window)) {
            return true;
        }
        seen.put(key, time(at), slot);
        return false;
    }

    private static boolean within(byte[] kept, long at, long window) {
        return kept != null && kept.length == Long.BYTES && Math.abs(at - ByteBuffer.wrap(kept).getLong()) <= window;
    }

    private static byte[] time(long at) {
        return ByteBuffer.allocate(Long.BYTES).putLong(at).array();
    }
}
