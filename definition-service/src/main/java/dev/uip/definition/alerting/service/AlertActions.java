package dev.uip.definition.alerting.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentActions;
import dev.uip.definition.alerting.domain.IncidentStatus;
import dev.uip.definition.alerting.repository.IncidentQueries;
import dev.uip.definition.alerting.repository.IncidentStore;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.WorkspaceScope;

/**
 * Acknowledge, resolve, snooze and unsnooze an incident, each in one transaction with its action record and its
 * change event (entity ALERT, the caller as actor); a person's resolution also writes the ALERT_RESOLVED notification.
 */
@ApplicationScoped
public class AlertActions {

    @Inject
    WorkspaceScope scope;

    @Inject
    IncidentStore store;

    @Inject
    IncidentQueries queries;

    @Inject
    AlertNotifier notifier;

    @Inject
    Outbox outbox;

    public Uni<Incident> acknowledge(String workspaceId, String actor, String id) {
        return act(workspaceId, actor, id, "ACKNOWLEDGED", null, null,
                now -> incident -> IncidentActions.acknowledge(incident, actor, now));
    }

    public Uni<Incident> resolve(String workspaceId, String actor, String id, String note) {
        return act(workspaceId, actor, id, "RESOLVED", note, null,
                now -> incident -> IncidentActions.resolve(incident, actor, note, now));
    }

    public Uni<Incident> snooze(String workspaceId, String actor, String id, Instant until) {
        IncidentActions.checkSnooze(until, Instant.now());
        return act(workspaceId, actor, id, "SNOOZED", null, until,
                now -> incident -> IncidentActions.snooze(incident, until, now));
    }

    public Uni<Incident> unsnooze(String workspaceId, String actor, String id) {
        return act(workspaceId, actor, id, "UNSNOOZED", null, null,
                now -> incident -> IncidentActions.unsnooze(incident, now));
    }

    private Uni<Incident> act(String workspaceId, String actor, String id, String action, String note,
            Instant until, Function<Instant, Function<Incident, Incident>> change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return scope.sql(workspaceId, connection -> store.lock(connection, workspaceId, id).chain(before -> {
            if (before == null) {
                throw new AlertNotFoundException("no alert '" + id + "'");
            }
            Incident after = change.apply(now).apply(before);
            Uni<Void> written = store.update(connection, after)
                    .chain(() -> queries.addAction(connection, workspaceId, id, action, actor, after
                            .resolutionNote() == null ? note : after.resolutionNote(), until, now))
                    .chain(() -> outbox.change(connection, StateRecords.change(workspaceId, actor, action, "ALERT",
                            id, ChangeJson.incident(before, now), ChangeJson.incident(after, now), after.version(),
                            now)));
            if (after.status() == IncidentStatus.RESOLVED) {
                written = written.chain(() -> notifier.resolved(connection, after, now)).replaceWithVoid();
            }
            return written.replaceWith(after);
        })).invoke(outbox::committed);
    }
}
