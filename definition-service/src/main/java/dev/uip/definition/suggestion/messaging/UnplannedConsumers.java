package dev.uip.definition.suggestion.messaging;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.quarantine.messaging.BatchRetry;
import dev.uip.definition.suggestion.service.SuggestionIngest;
import dev.uip.schemas.EventStats;
import dev.uip.schemas.RawUsageEvent;

/**
 * Stores every batch of unplanned-samples and usage-stats for suggestions; a batch is acknowledged, and so its
 * offsets committed, only once it is stored. A record that cannot be decoded is counted and logged (it stays on the
 * topic).
 */
@ApplicationScoped
public class UnplannedConsumers {

    private static final Logger LOG = Logger.getLogger(UnplannedConsumers.class);

    @Inject
    SuggestionIngest ingest;

    @Inject
    MeterRegistry metrics;

    @Incoming("unplanned-samples")
    public Uni<Void> samples(Message<List<RawUsageEvent>> batch) {
        return consume(batch, "sample", ingest::storeSamples);
    }

    @Incoming("usage-stats")
    public Uni<Void> volumes(Message<List<EventStats>> batch) {
        return consume(batch, "volume", ingest::storeVolumes);
    }

    private <T> Uni<Void> consume(Message<List<T>> batch, String kind, Function<List<T>, Uni<Void>> store) {
        List<T> records = batch.getPayload().stream().filter(Objects::nonNull).toList();
        int undecodable = batch.getPayload().size() - records.size();
        if (undecodable > 0) {
            metrics.counter("uip.suggestions.records", "kind", kind, "outcome", "undecodable").increment(undecodable);
            LOG.errorf("%d %s record(s) could not be decoded and were not stored", undecodable, kind);
        }
        return BatchRetry.untilStored(LOG, records.size() + " " + kind + " records", () -> store.apply(records))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }
}
