package dev.uip.definition.quarantine.messaging;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.quarantine.service.QuarantineReleases;
import dev.uip.schemas.QuarantineReleaseOutcome;

/** Applies every record of quarantine-release-outcomes to its row; offsets are committed once the rows changed. */
@ApplicationScoped
public class ReleaseOutcomeConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseOutcomeConsumer.class);

    @Inject
    QuarantineReleases releases;

    @Incoming("release-outcomes")
    public Uni<Void> consume(Message<List<QuarantineReleaseOutcome>> batch) {
        List<QuarantineReleaseOutcome> outcomes = batch.getPayload().stream().filter(Objects::nonNull).toList();
        if (outcomes.size() < batch.getPayload().size()) {
            LOG.errorf("%d release outcome(s) could not be decoded; their rows stay RELEASING and are released again",
                    batch.getPayload().size() - outcomes.size());
        }
        return BatchRetry.untilStored(LOG, outcomes.size() + " release outcomes", () -> releases.apply(outcomes))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }
}
