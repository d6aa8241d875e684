package dev.uip.definition.quarantine.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.config.QuarantineConfig;
import dev.uip.definition.quarantine.domain.QuarantineFilter;
import dev.uip.definition.quarantine.domain.QuarantineNotFoundException;
import dev.uip.definition.quarantine.domain.QuarantinedEvent;
import dev.uip.definition.quarantine.repository.QuarantineQueries;
import dev.uip.definition.repository.WorkspaceScope;

/** Lists, counts and shows the quarantined events of a workspace. */
@ApplicationScoped
public class QuarantineBrowser {

    /** Most groups per summary list. */
    static final int MAX_GROUPS = 100;

    /** Counts per reason and per event with a sample each, the matching total and the workspace's usage. */
    public record Summary(long total, List<QuarantineQueries.Group> byReason, List<QuarantineQueries.Group> byEvent,
            QuarantineQueries.Usage usage, long cap) {
    }

    @Inject
    WorkspaceScope scope;

    @Inject
    QuarantineQueries queries;

    @Inject
    QuarantineConfig config;

    public Uni<QuarantineQueries.Page> page(String workspaceId, QuarantineFilter filter, int page, int size) {
        return scope.sql(workspaceId, connection -> queries.page(connection, workspaceId, filter, page, size));
    }

    public Uni<QuarantinedEvent> one(String workspaceId, String messageId) {
        return scope.sql(workspaceId, connection -> queries.one(connection, workspaceId, messageId))
                .onItem().ifNull().failWith(() -> new QuarantineNotFoundException("no quarantined event '"
                        + messageId + "' in workspace " + workspaceId));
    }

    public Uni<Summary> summary(String workspaceId, QuarantineFilter filter) {
        return scope.sql(workspaceId, connection -> queries.count(connection, workspaceId, filter)
                .chain(total -> queries.groups(connection, workspaceId, filter, "reason", MAX_GROUPS)
                        .chain(byReason -> queries.groups(connection, workspaceId, filter, "event_name", MAX_GROUPS)
                                .chain(byEvent -> queries.usage(connection, workspaceId)
                                        .map(usage -> new Summary(total, byReason, byEvent, usage,
                                                config.maxOpenRowsPerWorkspace()))))));
    }
}
