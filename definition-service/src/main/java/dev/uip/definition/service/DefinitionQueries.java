package dev.uip.definition.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.DefinitionDiff;
import dev.uip.definition.domain.DefinitionNotFoundException;
import dev.uip.definition.mapping.DefinitionMapper;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.repository.EventDefinitionRepository;
import dev.uip.definition.repository.EventDefinitionVersion;
import dev.uip.definition.repository.VersionRepository;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.DefinitionView;
import dev.uip.definition.rest.PageView;
import dev.uip.definition.rest.VersionView;

/** Reads definitions, their versions and the difference between two versions, always within one workspace. */
@ApplicationScoped
public class DefinitionQueries {

    @Inject
    WorkspaceScope scope;

    @Inject
    EventDefinitionRepository definitions;

    @Inject
    VersionRepository versions;

    @Inject
    DefinitionMapper mapper;

    public Uni<DefinitionView> get(String workspaceId, CallType callType, String name) {
        return scope.transaction(workspaceId, () -> head(workspaceId, callType, name)).map(mapper::view);
    }

    public Uni<PageView<DefinitionView>> list(String workspaceId, EventDefinitionRepository.Filter filter, int page,
            int size) {
        return scope.transaction(workspaceId, () -> definitions.search(workspaceId, filter, page, size))
                .map(found -> new PageView<>(found.items().stream().map(mapper::view).toList(), page, size,
                        found.total()));
    }

    public Uni<List<VersionView>> versions(String workspaceId, CallType callType, String name) {
        return scope.transaction(workspaceId, () -> head(workspaceId, callType, name)
                .chain(head -> versions.all(workspaceId, head.id).map(all -> all.stream()
                        .map(version -> mapper.view(version, name, head.schemaGroup, false)).toList())));
    }

    public Uni<VersionView> version(String workspaceId, CallType callType, String name, int number) {
        return scope.transaction(workspaceId, () -> head(workspaceId, callType, name)
                .chain(head -> one(head, number).map(version -> mapper.view(version, name, head.schemaGroup,
                        true))));
    }

    public Uni<DefinitionDiff> diff(String workspaceId, CallType callType, String name, int from, int to) {
        return scope.transaction(workspaceId, () -> head(workspaceId, callType, name)
                .chain(head -> one(head, from).chain(a -> one(head, to).map(b -> DefinitionDiff.between(from,
                        mapper.spec(a), a.status, to, mapper.spec(b), b.status)))));
    }

    private Uni<EventDefinition> head(String workspaceId, CallType callType, String name) {
        return definitions.findByName(workspaceId, callType, name).onItem().ifNull()
                .failWith(() -> DefinitionWriter.notFound(workspaceId, callType, name));
    }

    private Uni<EventDefinitionVersion> one(EventDefinition head, int number) {
        return versions.one(head.workspaceId, head.id, number).onItem().ifNull()
                .failWith(() -> new DefinitionNotFoundException("'" + head.name + "' has no version " + number
                        + " (versions 1-" + head.version + ")"));
    }
}
