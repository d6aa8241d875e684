package dev.uip.definition.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import dev.uip.definition.client.SchemaRegistry;
import dev.uip.definition.domain.AvroSchemaGenerator;
import dev.uip.definition.domain.DefinitionConflictException;
import dev.uip.definition.domain.DefinitionNotFoundException;
import dev.uip.definition.domain.DefinitionRules;
import dev.uip.definition.domain.PropertySpec;
import dev.uip.definition.mapping.Changes;
import dev.uip.definition.mapping.DefinitionMapper;
import dev.uip.definition.messaging.ChangePublisher;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.repository.EventDefinitionRepository;
import dev.uip.definition.rest.DefinitionRequest;
import dev.uip.definition.rest.DefinitionView;
import dev.uip.schemas.DefinitionChanged;

/** Creates and reads event definitions: stored in PostgreSQL, schemas registered in the registry, changes published. */
@ApplicationScoped
public class DefinitionService {

    @Inject
    EventDefinitionRepository repository;

    @Inject
    SchemaRegistry registry;

    @Inject
    ChangePublisher changes;

    @Inject
    DefinitionMapper mapper;

    @Inject
    Vertx vertx;

    public Uni<DefinitionView> create(String workspaceId, String actor, DefinitionRequest request) {
        List<PropertySpec> properties = request.properties() == null ? List.of() : request.properties();
        DefinitionRules.check(request.name(), properties);
        String schema = AvroSchemaGenerator.generate(workspaceId, request.name(), request.description(), properties);
        return Panache.withSession(() -> repository.findByName(workspaceId, request.name()))
                .onItem().ifNotNull().failWith(() -> new DefinitionConflictException(
                        "an event named '" + request.name() + "' already exists in workspace " + workspaceId))
                // The registry client blocks: run it off the event loop, then continue on this context.
                .chain(() -> vertx.executeBlocking(
                        Uni.createFrom().item(() -> registry.register(workspaceId, request.name(), schema))))
                .chain(coordinates -> Panache.withTransaction(() -> {
                    EventDefinition entity = new EventDefinition();
                    entity.workspaceId = workspaceId;
                    entity.name = request.name();
                    entity.description = request.description();
                    entity.propertiesJson = mapper.propertiesJson(properties);
                    entity.version = 1;
                    entity.schemaGroup = coordinates.getGroupId() == null ? workspaceId : coordinates.getGroupId();
                    entity.schemaVersion = coordinates.getVersion();
                    entity.schemaGlobalId = coordinates.getGlobalId();
                    entity.createdAt = Instant.now();
                    entity.updatedAt = entity.createdAt;
                    return repository.persist(entity);
                }))
                .call(entity -> changes.publish(created(entity, actor)))
                .map(mapper::view);
    }

    public Uni<DefinitionView> get(String workspaceId, String name) {
        return Panache.withSession(() -> repository.findByName(workspaceId, name))
                .onItem().ifNull().failWith(() -> new DefinitionNotFoundException(
                        "no event named '" + name + "' in workspace " + workspaceId))
                .map(mapper::view);
    }

    public Uni<List<DefinitionView>> list(String workspaceId) {
        return Panache.withSession(() -> repository.listAll(workspaceId))
                .map(all -> all.stream().map(mapper::view).toList());
    }

    private DefinitionChanged created(EventDefinition entity, String actor) {
        return Changes.of(entity.workspaceId, actor, "CREATED", "EVENT_DEFINITION", entity.name, null,
                mapper.viewJson(entity), entity.version, entity.updatedAt);
    }
}
