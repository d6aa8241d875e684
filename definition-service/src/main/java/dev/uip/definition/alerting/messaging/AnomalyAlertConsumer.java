package dev.uip.definition.alerting.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

import dev.uip.definition.alerting.domain.AlertRecordCheck;
import dev.uip.definition.alerting.domain.DetectorAlert;
import dev.uip.definition.alerting.service.AlertIngest;
import dev.uip.definition.quarantine.messaging.BatchRetry;
import dev.uip.schemas.AnomalyAlert;

/**
 * Feeds every record of usage-alerts to the inbox in order, one transaction each; the batch is acknowledged (offsets
 * committed) once all are applied. Undecodable, impossible and database-refused records are skipped and counted in
 * {@code uip.alerts.records{outcome}}; a database that is away is waited for.
 */
@ApplicationScoped
public class AnomalyAlertConsumer {

    private static final Logger LOG = Logger.getLogger(AnomalyAlertConsumer.class);

    @Inject
    AlertIngest ingest;

    @Inject
    MeterRegistry metrics;

    @Incoming("usage-alerts")
    public Uni<Void> consume(Message<List<AnomalyAlert>> batch) {
        // One after the other: an alert's RESOLVED must find what its OPENED did (Mutiny streams refuse nulls).
        Uni<Void> applied = Uni.createFrom().voidItem();
        for (AnomalyAlert record : batch.getPayload()) {
            applied = applied.chain(() -> apply(record));
        }
        return applied.chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Void> apply(AnomalyAlert record) {
        if (record == null) {
            return skipped("undecodable", "an alert record could not be decoded");
        }
        DetectorAlert alert;
        try {
            alert = AlertRecords.of(record);
        } catch (RuntimeException e) {
            return skipped("impossible", "an alert record could not be read: " + e.getMessage());
        }
        String problem = alert.severity() == null ? "bad_severity" : AlertRecordCheck.problem(alert);
        if (problem != null) {
            return skipped(problem, "alert record skipped (" + problem + ")");
        }
        return BatchRetry.untilStored(LOG, "alert " + alert.alertId(), () -> ingest.apply(alert)
                .onFailure(AnomalyAlertConsumer::refused).recoverWithItem("refused"))
                .invoke(outcome -> {
                    count(outcome);
                    if (outcome.equals("refused")) {
                        LOG.errorf("the database refused alert %s of workspace %s; skipped", alert.alertId(),
                                alert.workspaceId());
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> skipped(String outcome, String message) {
        count(outcome);
        LOG.warn(message);
        return Uni.createFrom().voidItem();
    }

    private void count(String outcome) {
        metrics.counter("uip.alerts.records", "outcome", outcome).increment();
    }

    /** A data error or a constraint: the same record would fail again, so it is skipped rather than retried. */
    private static boolean refused(Throwable failure) {
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            return pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23");
        }
        return false;
    }
}
