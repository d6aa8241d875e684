package dev.uip.ingest.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import dev.uip.ingest.service.EventValidator;
import dev.uip.schemas.QuarantineReason;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.QuarantineReleaseOutcome;
import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.RawUsageEvent;
import dev.uip.schemas.ReleaseResult;
import dev.uip.schemas.ValidatedUsageEvent;

/**
 * Validates a released quarantined event again against the current definition: a valid one goes to validated (flag
 * {@value #RELEASED}) once, however often it is released; every release is answered with its outcome, and nothing
 * is quarantined a second time (the quarantine store still holds the event).
 */
final class ReleaseProcessor implements FixedKeyProcessor<String, QuarantineRelease, ReleaseProcessor.Step> {

    /** Flag of a validated event that was quarantined and released after a fix. */
    static final String RELEASED = "RELEASED";

    /** What one release produces: the validated event (only when it now passes) and the outcome. */
    record Step(ValidatedUsageEvent validated, QuarantineReleaseOutcome outcome) {
    }

    private final EventValidator validator;
    private final ValidationTopology.Releases releases;
    private FixedKeyProcessorContext<String, Step> context;
    private SeenIds released;

    ReleaseProcessor(EventValidator validator, ValidationTopology.Releases releases) {
        this.validator = validator;
        this.releases = releases;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Step> context) {
        this.context = context;
        // releases are few: every check asks the store
        released = new SeenIds(context.getStateStore(ValidationTopology.RELEASED_STORE), releases.remember(), 0);
    }

    @Override
    public void process(FixedKeyRecord<String, QuarantineRelease> record) {
        QuarantineRelease release = record.value();
        RawUsageEvent raw = release.getRaw();
        long now = context.currentSystemTimeMs();
        // the event's own workspace decides, as for any raw event; the release's copy only labels the answer
        Bytes key = SeenIds.key(raw.getWorkspaceId() + "/" + raw.getMessageId());
        Step step;
        if (released.seen(key, now)) {
            step = new Step(null, outcome(release, ReleaseResult.ALREADY_RELEASED, null, now));
        } else {
            EventValidator.Outcome outcome = validator.validateOrQuarantine(raw);
            if (outcome.valid()) {
                released.keep(key, now);
                ValidatedUsageEvent event = outcome.validated();
                List<String> flags = new ArrayList<>(event.getFlags());
                flags.add(RELEASED);
                event.setFlags(flags);
                step = new Step(event, outcome(release, ReleaseResult.RELEASED, null, now));
                step.outcome().setSchemaRef(event.getSchemaRef());
            } else {
                QuarantinedUsageEvent failed = outcome.quarantined();
                step = new Step(null, outcome(release, failed.getReason() == QuarantineReason.REGISTRY_UNAVAILABLE
                        ? ReleaseResult.RETRY_LATER
                        : ReleaseResult.STILL_FAILING, failed, now));
            }
        }
        releases.listener().released(raw.getWorkspaceId(), step.outcome().getOutcome());
        context.forward(record.withValue(step));
    }

    private static QuarantineReleaseOutcome outcome(QuarantineRelease release, ReleaseResult result,
            QuarantinedUsageEvent failed, long now) {
        return QuarantineReleaseOutcome.newBuilder()
                .setReleaseId(release.getReleaseId())
                .setWorkspaceId(release.getRaw().getWorkspaceId())
                .setMessageId(release.getRaw().getMessageId())
                .setOutcome(result)
                .setReason(failed == null ? null : failed.getReason().name())
                .setViolations(failed == null ? List.of() : failed.getViolations())
                .setSchemaRef(failed == null ? null : failed.getSchemaRef())
                .setDecidedAt(Instant.ofEpochMilli(now))
                .build();
    }
}
