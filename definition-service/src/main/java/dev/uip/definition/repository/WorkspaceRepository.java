package dev.uip.definition.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Workspaces; row-level security shows each transaction only its own. */
@ApplicationScoped
public class WorkspaceRepository implements PanacheRepositoryBase<Workspace, String> {
}
