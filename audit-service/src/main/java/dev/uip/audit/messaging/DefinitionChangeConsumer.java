package dev.uip.audit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import dev.uip.audit.config.AuditConfig;
import dev.uip.audit.domain.ChainHead;
import dev.uip.audit.repository.DatabaseFailures;
import dev.uip.audit.service.AuditTrail;
import dev.uip.schemas.DefinitionChanged;

/**
 * Feeds every record of definition-changes into the audit trail: the offset is committed once the change is stored
 * and the workspace's new chain head handed to the heads topic,
 * transient database errors are retried until they pass, and a change the database refuses every time is parked on
 * the dead-letter topic (by a nack: see the channel's failure strategy) so that the records after it keep flowing.
 */
@ApplicationScoped
public class DefinitionChangeConsumer {

    /** Header of a parked change: how many times it was tried. */
    public static final String ATTEMPTS_HEADER = "uip-attempts";

    private static final Logger LOG = Logger.getLogger(DefinitionChangeConsumer.class);

    @Inject
    AuditTrail trail;

    @Inject
    HeadPublisher heads;

    @Inject
    AuditConfig config;

    @Inject
    MeterRegistry metrics;

    @Incoming("definition-changes")
    public Uni<Void> consume(Message<DefinitionChanged> message) {
        DefinitionChanged change = message.getPayload();
        if (change == null) {
            return park(message, new UnstorableChangeException("the record has no value"), 0);
        }
        AtomicInteger attempts = new AtomicInteger();
        AuditConfig.Consumer retry = config.consumer();
        // Retries after a back-off run on the record's Vert.x context (else on a Mutiny timer thread), as the
        // first attempt does.
        Context context = Vertx.currentContext();
        Uni<Optional<ChainHead>> attempt = Uni.createFrom().deferred(() -> {
            attempts.incrementAndGet();
            return trail.record(change);
        }).onFailure().invoke(failure -> retrying(change, failure, attempts.get()));
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return attempt
                .onFailure(failure -> !DatabaseFailures.isTransient(failure)).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).atMost(Math.max(0, retry.attempts() - 1))
                // A transient failure met during the bounded retries above starts them over: only refusals of the
                // change itself count towards parking it.
                .onFailure(DatabaseFailures::isTransient).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).indefinitely()
                .onItemOrFailure().transformToUni((appended, failure) -> failure == null
                        // The append is committed: its head may now be published (after, so that it never leads).
                        ? publish(appended).chain(() -> Uni.createFrom().completionStage(message.ack()))
                        : park(message, UnstorableChangeException.after(attempts.get(), failure), attempts.get()));
    }

    private Uni<Void> publish(Optional<ChainHead> appended) {
        return appended.map(heads::publish).orElseGet(() -> Uni.createFrom().voidItem());
    }

    private void retrying(DefinitionChanged change, Throwable failure, int attempt) {
        boolean transientFailure = DatabaseFailures.isTransient(failure);
        metrics.counter("uip.audit.store.retries", "failure", transientFailure ? "transient" : "permanent")
                .increment();
        LOG.warnf("Could not store change %s (attempt %d, %s): %s", change.getChangeId(), attempt,
                transientFailure ? "transient, retrying until it passes" : "refused", failure.getMessage());
    }

    private Uni<Void> park(Message<DefinitionChanged> message, UnstorableChangeException reason, int attempts) {
        metrics.counter("uip.audit.changes", "outcome", "parked").increment();
        DefinitionChanged change = message.getPayload();
        LOG.errorf("Parking change %s on the dead-letter topic: %s", change == null ? "(none)" : change.getChangeId(),
                reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add(ATTEMPTS_HEADER, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().completionStage(message.nack(reason,
                Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build())));
    }
}
