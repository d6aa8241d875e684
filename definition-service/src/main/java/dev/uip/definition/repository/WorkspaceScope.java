package dev.uip.definition.repository;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The only way the service touches workspace data: a transaction whose first statement names the workspace for
 * PostgreSQL's row-level security ({@code uip.workspace}, local to the transaction). Queries without it see nothing.
 */
@ApplicationScoped
public class WorkspaceScope {

    /** Runs {@code work} in a new transaction that can only see and write rows of {@code workspaceId}. */
    public <T> Uni<T> transaction(String workspaceId, Supplier<Uni<T>> work) {
        if (workspaceId == null || workspaceId.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no workspace for a scoped transaction"));
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select set_config('uip.workspace', :workspace, true)", String.class)
                        .setParameter("workspace", workspaceId)
                        .getSingleResult())
                .chain(ignored -> work.get()));
    }
}
