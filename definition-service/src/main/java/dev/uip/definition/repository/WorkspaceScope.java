package dev.uip.definition.repository;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The only way the service touches workspace data: a transaction whose first statement names the workspace for
 * PostgreSQL's row-level security ({@code uip.workspace}, local to the transaction). Queries without it see nothing.
 */
@ApplicationScoped
public class WorkspaceScope {

    @Inject
    Pool pool;

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

    /**
     * The same for plain SQL on the reactive pool (no Hibernate session): {@code work} gets the transaction's
     * connection. Used where rows are written in bulk (the quarantine).
     */
    public <T> Uni<T> sql(String workspaceId, Function<SqlConnection, Uni<T>> work) {
        if (workspaceId == null || workspaceId.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no workspace for a scoped transaction"));
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("select set_config('uip.workspace', $1, true)").execute(Tuple.of(workspaceId))
                .chain(ignored -> work.apply(connection)));
    }
}
