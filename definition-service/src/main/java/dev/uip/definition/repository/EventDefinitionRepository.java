package dev.uip.definition.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Queries over event definitions, always within one workspace. */
@ApplicationScoped
public class EventDefinitionRepository implements PanacheRepository<EventDefinition> {

    public Uni<EventDefinition> findByName(String workspaceId, String name) {
        return find("workspaceId = ?1 and name = ?2", workspaceId, name).firstResult();
    }

    public Uni<List<EventDefinition>> listAll(String workspaceId) {
        return list("workspaceId", Sort.by("name"), workspaceId);
    }
}
