package dev.uip.definition.alerting.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.uip.definition.alerting.domain.DetectorAlert;
import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentRules;
import dev.uip.definition.alerting.domain.IncidentStatus;
import dev.uip.definition.alerting.domain.PagingPolicy;
import dev.uip.definition.alerting.repository.DefinitionFactsLookup;
import dev.uip.definition.alerting.repository.IncidentStore;
import dev.uip.definition.config.AlertingConfig;
import dev.uip.definition.repository.WorkspaceScope;

/**
 * Applies one detector alert record to the inbox in one workspace transaction: an OPENED alert opens an incident or
 * merges into the unresolved one of its series and rule; a RESOLVED alert resolves the incident once none of its
 * alerts is open, unless a person resolved it. A record consumed before changes nothing. Answers the outcome.
 */
@ApplicationScoped
public class AlertIngest {

    @Inject
    WorkspaceScope scope;

    @Inject
    IncidentStore store;

    @Inject
    DefinitionFactsLookup definitions;

    @Inject
    AlertNotifier notifier;

    @Inject
    AlertingConfig config;

    public Uni<String> apply(DetectorAlert alert) {
        // Micro-seconds, as PostgreSQL keeps them: an incident read back equals the one written.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return scope.sql(alert.workspaceId(), connection -> store.recordOnce(connection, alert, now)
                .chain(first -> {
                    if (!first) {
                        return Uni.createFrom().item("duplicate");
                    }
                    Uni<Outcome> done = alert.opened()
                            ? opened(connection, alert, now)
                            : resolved(connection, alert, now);
                    return done.chain(outcome -> store.outcome(connection, alert, outcome.incidentId(),
                            outcome.name()).replaceWith(outcome.name()));
                }));
    }

    private record Outcome(String name, String incidentId) {
    }

    private Uni<Outcome> opened(SqlConnection connection, DetectorAlert alert, Instant now) {
        PagingPolicy policy = new PagingPolicy(config.pageMinSeverity(), config.pageKeyEventsOnly());
        return definitions.of(connection, alert.workspaceId(), alert.callType(), alert.event())
                .chain(facts -> store.unresolved(connection, alert.workspaceId(), alert.callType(), alert.event(),
                        alert.rule()).chain(current -> {
                            if (current == null) {
                                Incident incident = IncidentRules.open(UUID.randomUUID().toString(), alert, facts,
                                        policy, now);
                                return store.insert(connection, incident)
                                        .chain(() -> notifier.opened(connection, incident, now))
                                        .replaceWith(new Outcome("opened", incident.id()));
                            }
                            IncidentRules.Merge merge = IncidentRules.merge(current, alert, facts, policy, now);
                            Uni<Void> written = store.update(connection, merge.incident());
                            if (merge.severityRose()) {
                                written = written.chain(() -> notifier.repeated(connection, merge.incident(), now))
                                        .replaceWithVoid();
                            }
                            return written.replaceWith(new Outcome("merged", current.id()));
                        }));
    }

    private Uni<Outcome> resolved(SqlConnection connection, DetectorAlert alert, Instant now) {
        return store.ofAlert(connection, alert.workspaceId(), alert.alertId()).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().item(new Outcome("unknown_alert", null));
            }
            if (incident.status() == IncidentStatus.RESOLVED) {
                return Uni.createFrom().item(new Outcome("already_resolved", incident.id()));
            }
            // This record is stored already, so its own alert counts as resolved here.
            return store.openAlerts(connection, alert.workspaceId(), incident.id()).chain(open -> {
                if (open > 0) {
                    return Uni.createFrom().item(new Outcome("still_open", incident.id()));
                }
                Instant at = alert.resolvedAt() == null ? now : alert.resolvedAt();
                Incident resolved = IncidentRules.resolvedByDetector(incident, at);
                return store.update(connection, resolved).chain(() -> notifier.resolved(connection, resolved, now))
                        .replaceWith(new Outcome("resolved", incident.id()));
            });
        });
    }
}
