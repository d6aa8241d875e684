package dev.uip.definition.alerting.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.domain.TeamQuietHours;
import dev.uip.definition.alerting.repository.QuietHoursStore;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.WorkspaceScope;

/** Sets, reads and removes a team's quiet hours, each change with its QUIET_HOURS change event. */
@ApplicationScoped
public class QuietHoursService {

    @Inject
    WorkspaceScope scope;

    @Inject
    QuietHoursStore store;

    @Inject
    Outbox outbox;

    public Uni<TeamQuietHours> get(String workspaceId, String team) {
        return scope.sql(workspaceId, connection -> store.of(connection, workspaceId, team)).invoke(hours -> {
            if (hours == null) {
                throw new AlertNotFoundException("team '" + team + "' has no quiet hours");
            }
        });
    }

    public Uni<TeamQuietHours> put(String workspaceId, String actor, TeamQuietHours hours) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return scope.sql(workspaceId, connection -> store.of(connection, workspaceId, hours.team())
                .chain(before -> store.put(connection, workspaceId, hours, actor, now)
                        .chain(() -> outbox.change(connection, StateRecords.change(workspaceId, actor,
                                before == null ? "CREATED" : "UPDATED", "QUIET_HOURS", hours.team(),
                                ChangeJson.quietHours(before), ChangeJson.quietHours(hours), 1, now)))))
                .invoke(outbox::committed).replaceWith(hours);
    }

    public Uni<Void> delete(String workspaceId, String actor, String team) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return scope.sql(workspaceId, connection -> store.of(connection, workspaceId, team).chain(before -> {
            if (before == null) {
                throw new AlertNotFoundException("team '" + team + "' has no quiet hours");
            }
            return store.delete(connection, workspaceId, team).chain(() -> outbox.change(connection, StateRecords
                    .change(workspaceId, actor, "DELETED", "QUIET_HOURS", team, ChangeJson.quietHours(before),
                            null, 1, now)));
        })).invoke(outbox::committed);
    }
}
