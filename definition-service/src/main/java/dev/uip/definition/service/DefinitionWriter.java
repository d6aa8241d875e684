package dev.uip.definition.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.client.SchemaRegistry.Coordinates;
import dev.uip.definition.domain.AvroSchemaGenerator;
import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.DefinitionNotFoundException;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.LifecycleConflictException;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.mapping.DefinitionMapper;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.Constraints;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.repository.EventDefinitionRepository;
import dev.uip.definition.repository.EventDefinitionVersion;
import dev.uip.definition.repository.VersionRepository;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.DefinitionView;

/** The transactional half of every definition change: head, new version and outbox records in one transaction. */
@ApplicationScoped
public class DefinitionWriter {

    /** Changes a head in place and returns its new status. */
    public interface Mutation {

        LifecycleStatus apply(EventDefinition head);
    }

    @Inject
    WorkspaceScope scope;

    @Inject
    EventDefinitionRepository definitions;

    @Inject
    VersionRepository versions;

    @Inject
    WorkspaceService workspaces;

    @Inject
    DefinitionMapper mapper;

    @Inject
    Outbox outbox;

    Uni<EventDefinition> find(String workspaceId, CallType callType, String name) {
        return definitions.findByName(workspaceId, callType, name);
    }

    Uni<EventDefinition> head(String workspaceId, CallType callType, String name) {
        return definitions.findByName(workspaceId, callType, name).onItem().ifNull()
                .failWith(() -> notFound(workspaceId, callType, name));
    }

    DefinitionSpec spec(EventDefinition head) {
        return mapper.spec(head);
    }

    void apply(DefinitionSpec spec, EventDefinition head) {
        mapper.apply(spec, head);
    }

    /** The schema text of the published version ("" when none). */
    Uni<String> publishedSchema(EventDefinition head) {
        if (head.publishedVersion == null) {
            return Uni.createFrom().item("");
        }
        return versions.one(head.workspaceId, head.id, head.publishedVersion)
                .map(version -> version == null ? "" : version.schemaText);
    }

    Uni<DefinitionView> create(String workspaceId, String actor, DefinitionSpec spec, LifecycleStatus status,
            boolean autoRelease, String schema, Coordinates registered) {
        return scope.transaction(workspaceId, () -> workspaces.ensure(workspaceId, actor).chain(() -> {
            EventDefinition head = new EventDefinition();
            head.workspaceId = workspaceId;
            mapper.apply(spec, head);
            head.status = status;
            head.autoRelease = autoRelease;
            head.version = 1;
            head.createdAt = Instant.now();
            head.updatedAt = head.createdAt;
            setSchema(head, registered);
            publishVirtual(head);
            return definitions.persist(head)
                    .call(() -> append(head, "CREATED", schema, registered != null, false, actor))
                    .call(() -> record(head, actor, "CREATED", null));
        })).invoke(outbox::committed).map(mapper::view);
    }

    /**
     * Applies {@code mutation} to the head if it is still at {@code expectedVersion}, as a new version. The head is
     * locked first, so of two changes planned on the same version one commits and the other answers 409.
     */
    Uni<DefinitionView> change(String workspaceId, String actor, CallType callType, String name,
            int expectedVersion, String action, Mutation mutation, String schema, Coordinates registered,
            boolean breaking) {
        return scope.transaction(workspaceId, () -> definitions.findByNameForUpdate(workspaceId, callType, name)
                .onItem().ifNull().failWith(() -> notFound(workspaceId, callType, name)).chain(head -> {
                    if (head.version != expectedVersion) {
                        throw concurrentChange(name, head.version);
                    }
                    String before = mapper.viewJson(head);
                    head.status = mutation.apply(head);
                    head.version = head.version + 1;
                    head.updatedAt = Instant.now();
                    setSchema(head, registered);
                    publishVirtual(head);
                    String text = schema != null
                            ? schema
                            : head.kind == DefinitionKind.VIRTUAL
                                    ? ""
                                    : AvroSchemaGenerator.generate(workspaceId,
                                            mapper.spec(head));
                    return append(head, action, text, registered != null, breaking, actor)
                            .call(() -> record(head, actor, action, before))
                            .replaceWith(head);
                })).onFailure(failure -> Constraints.violated(failure, Constraints.VERSION_KEY))
                .transform(failure -> concurrentChange(name, null))
                .invoke(outbox::committed).map(mapper::view);
    }

    private void setSchema(EventDefinition head, Coordinates registered) {
        if (registered != null) {
            head.schemaGroup = registered.groupId();
            head.schemaVersion = registered.version();
            head.schemaGlobalId = registered.globalId();
            head.publishedVersion = head.version;
        }
    }

    /** An active virtual definition has no schema to register: each of its active versions is the published one. */
    private static void publishVirtual(EventDefinition head) {
        if (head.kind == DefinitionKind.VIRTUAL && head.status == LifecycleStatus.ACTIVE) {
            head.publishedVersion = head.version;
        }
    }

    private Uni<EventDefinitionVersion> append(EventDefinition head, String action, String schema,
            boolean registered, boolean breaking, String actor) {
        EventDefinitionVersion version = new EventDefinitionVersion();
        version.workspaceId = head.workspaceId;
        version.definitionId = head.id;
        version.version = head.version;
        version.action = action;
        version.status = head.status;
        version.definitionJson = mapper.write(mapper.spec(head));
        version.schemaText = schema;
        version.schemaVersion = registered ? head.schemaVersion : null;
        version.schemaGlobalId = registered ? head.schemaGlobalId : null;
        version.breaking = breaking;
        version.createdBy = actor;
        version.createdAt = head.updatedAt;
        return versions.persist(version);
    }

    private Uni<Void> record(EventDefinition head, String actor, String action, String before) {
        return outbox.change(StateRecords.change(head.workspaceId, actor, action, "EVENT_DEFINITION",
                StateRecords.definitionEntityId(head),
                before, mapper.viewJson(head), head.version, head.updatedAt))
                .chain(() -> outbox.definitionState(head));
    }

    static LifecycleConflictException concurrentChange(String name, Integer now) {
        return new LifecycleConflictException("CONCURRENT_CHANGE", "'" + name + "' changed meanwhile"
                + (now == null ? "" : " (now version " + now + ")") + "; read it again and retry");
    }

    static DefinitionNotFoundException notFound(String workspaceId, CallType callType, String name) {
        return new DefinitionNotFoundException(callType == CallType.TRACK
                ? "no event named '" + name + "' in workspace " + workspaceId
                : "no " + callType.apiName() + " definition named '" + name + "' in workspace " + workspaceId);
    }
}
