package dev.uip.definition.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.UnplannedPolicy;

/** Workspaces; row-level security shows each transaction only its own. */
@ApplicationScoped
public class WorkspaceRepository implements PanacheRepositoryBase<Workspace, String> {

    /**
     * Inserts the workspace unless it exists, without failing when a concurrent transaction inserts it first (it
     * waits for that one to commit); true when this call inserted it.
     */
    public Uni<Boolean> insertIfAbsent(String id, String name, UnplannedPolicy policy, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into workspace (id, name, unplanned_events, created_at, updated_at)"
                        + " values (:id, :name, :policy, :at, :at) on conflict (id) do nothing")
                .setParameter("id", id)
                .setParameter("name", name)
                .setParameter("policy", policy.name())
                .setParameter("at", at)
                .executeUpdate())
                .map(count -> count == 1);
    }
}
