package dev.uip.definition.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Versions of definitions: appended, never changed. */
@ApplicationScoped
public class VersionRepository implements PanacheRepositoryBase<EventDefinitionVersion, EventDefinitionVersion.Key> {

    public Uni<List<EventDefinitionVersion>> all(String workspaceId, long definitionId) {
        return list("workspaceId = ?1 and definitionId = ?2", Sort.by("version"), workspaceId, definitionId);
    }

    public Uni<EventDefinitionVersion> one(String workspaceId, long definitionId, int version) {
        return find("workspaceId = ?1 and definitionId = ?2 and version = ?3", workspaceId, definitionId, version)
                .firstResult();
    }

    /** The newest version that was registered, if any. */
    public Uni<EventDefinitionVersion> lastRegistered(String workspaceId, long definitionId) {
        return find("workspaceId = ?1 and definitionId = ?2 and schemaGlobalId is not null",
                Sort.by("version").descending(), workspaceId, definitionId).firstResult();
    }
}
