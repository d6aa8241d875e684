package dev.uip.definition.quarantine.messaging;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.quarantine.service.QuarantineIngest;
import dev.uip.schemas.QuarantinedUsageEvent;

/**
 * Stores every record of usage-events-quarantined (in batches); the batch is acknowledged, and so its offsets
 * committed, only once its rows are stored. A record that cannot be decoded is counted and logged (it stays on the
 * topic); it cannot be stored without its workspace and messageId.
 */
@ApplicationScoped
public class QuarantinedConsumer {

    private static final Logger LOG = Logger.getLogger(QuarantinedConsumer.class);

    @Inject
    QuarantineIngest ingest;

    @Inject
    MeterRegistry metrics;

    @Incoming("quarantined")
    public Uni<Void> consume(Message<List<QuarantinedUsageEvent>> batch) {
        List<QuarantinedUsageEvent> events = batch.getPayload().stream().filter(Objects::nonNull).toList();
        int undecodable = batch.getPayload().size() - events.size();
        if (undecodable > 0) {
            metrics.counter("uip.quarantine.events", "outcome", "undecodable").increment(undecodable);
            LOG.errorf("%d quarantined record(s) could not be decoded and were not stored", undecodable);
        }
        return BatchRetry.untilStored(LOG, events.size() + " quarantined events", () -> ingest.store(events))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }
}
