package dev.uip.definition.alerting.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.alerting.domain.AlertNotFoundException;
import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentFilter;
import dev.uip.definition.alerting.domain.IncidentHistory;
import dev.uip.definition.alerting.repository.IncidentQueries;
import dev.uip.definition.config.AlertingConfig;
import dev.uip.definition.repository.WorkspaceScope;

/** Reads the inbox of a workspace: incidents newest first by cursor, one incident with its history. */
@ApplicationScoped
public class AlertBrowser {

    @Inject
    WorkspaceScope scope;

    @Inject
    IncidentQueries queries;

    @Inject
    AlertingConfig config;

    public Uni<List<Incident>> page(String workspaceId, IncidentFilter filter, IncidentQueries.Cursor cursor,
            int limit, Instant now) {
        return scope.sql(workspaceId, connection -> queries.page(connection, workspaceId, filter, cursor, limit, now));
    }

    public Uni<IncidentHistory> one(String workspaceId, String id) {
        return scope.sql(workspaceId, connection -> queries.one(connection, workspaceId, id).chain(incident -> {
            if (incident == null) {
                throw new AlertNotFoundException("no alert '" + id + "'");
            }
            return queries.occurrences(connection, workspaceId, id, config.maxHistory())
                    .chain(occurrences -> queries.actions(connection, workspaceId, id, config.maxHistory())
                            .map(actions -> new IncidentHistory(incident, occurrences, actions)));
        }));
    }
}
