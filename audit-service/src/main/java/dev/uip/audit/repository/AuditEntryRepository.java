package dev.uip.audit.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Writes and reads audit entries; a change that is already stored is never written twice. */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntry> {

    private static final String INSERT_IF_NEW = """
            insert into AuditEntry (changeId, workspaceId, actor, action, entityType, entityId, beforeJson,
                afterJson, version, occurredAt)
            values (:changeId, :workspaceId, :actor, :action, :entityType, :entityId, :beforeJson,
                :afterJson, :version, :occurredAt)
            on conflict (changeId) do nothing""";

    /** Stores the entry unless its change id is already stored; emits whether a row was written. */
    public Uni<Boolean> insertIfNew(AuditEntry entry) {
        return getSession().flatMap(session -> session.createMutationQuery(INSERT_IF_NEW)
                .setParameter("changeId", entry.changeId)
                .setParameter("workspaceId", entry.workspaceId)
                .setParameter("actor", entry.actor)
                .setParameter("action", entry.action)
                .setParameter("entityType", entry.entityType)
                .setParameter("entityId", entry.entityId)
                .setParameter("beforeJson", entry.beforeJson)
                .setParameter("afterJson", entry.afterJson)
                .setParameter("version", entry.version)
                .setParameter("occurredAt", entry.occurredAt)
                .executeUpdate())
                .map(rows -> rows > 0);
    }

    /** The newest entries of a workspace, newest first. */
    public Uni<List<AuditEntry>> newest(String workspaceId, int limit) {
        return find("workspaceId", Sort.descending("occurredAt", "id"), workspaceId).page(Page.ofSize(limit))
                .list();
    }
}
