package dev.uip.ingest.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.RawUsageEvent;

/**
 * Decodes each raw record, marks a message already seen (same workspace and messageId) within the dedup window as a
 * duplicate (forwarded without its payload, only to be counted), and validates the rest, forwarding a few samples of
 * unplanned events besides their outcome; what cannot be decoded or validated becomes a quarantine outcome, never an exception.
 */
final class ValidateProcessor implements FixedKeyProcessor<String, byte[], EventValidator.Outcome> {

    /** Most samples kept per workspace and unplanned event in a minute (per task). */
    static final int SAMPLES_PER_MINUTE = 10;
    /** Most distinct unplanned events sampled in a minute (per task). */
    static final int SAMPLED_EVENTS_PER_MINUTE = 10_000;

    private final String topic;
    private final Deserializer<RawUsageEvent> reader;
    private final EventValidator validator;
    private final ValidationTopology.Dedup dedup;
    private FixedKeyProcessorContext<String, EventValidator.Outcome> context;
    private SeenIds seen;
    private final UnplannedSampler sampler = new UnplannedSampler(SAMPLES_PER_MINUTE, SAMPLED_EVENTS_PER_MINUTE);

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
            seen = new SeenIds(context.getStateStore(ValidationTopology.DEDUP_STORE), dedup.window(),
                    dedup.filterBytes());
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
            // counted downstream (per event and minute), never validated again
            context.forward(record.withValue(EventValidator.Outcome.duplicate(raw)));
            return;
        }
        EventValidator.Outcome outcome = validator.validateOrQuarantine(raw);
        context.forward(record.withValue(outcome));
        if (outcome.unplanned() && sampler.take(raw, context.currentSystemTimeMs())) {
            context.forward(record.withValue(EventValidator.Outcome.sample(raw)));
        }
    }

    /**
     * Whether the message was kept within the window before or after {@code timestamp} (its receipt time); if not, it
     * is kept now. The time is never taken past the wall clock: a record stamped far ahead would move the store's time
     * and expire every kept id at once.
     */
    private boolean duplicate(RawUsageEvent raw, long timestamp) {
        long at = Math.max(0, Math.min(timestamp, context.currentSystemTimeMs()));
        Bytes key = SeenIds.key(raw.getWorkspaceId() + "/" + raw.getMessageId());
        if (seen.seen(key, at)) {
            return true;
        }
        seen.keep(key, at);
        return false;
    }
}
