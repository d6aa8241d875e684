package dev.uip.definition.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.repository.EventDefinition;
import dev.uip.definition.repository.Workspace;
import dev.uip.definition.repository.WriteKey;
import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.DefinitionChanged;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EnforcementMode;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.SchemaRef;
import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.schemas.WorkspaceState;
import dev.uip.schemas.WriteKeyState;
import dev.uip.schemas.names.DefinitionKeys;

/** Builds the Avro records that describe changes and current states on Kafka. */
public final class StateRecords {

    private StateRecords() {
    }

    public static DefinitionChanged change(String workspaceId, String actor, String action, String entityType,
            String entityId, String beforeJson, String afterJson, int version, Instant at) {
        return DefinitionChanged.newBuilder()
                .setChangeId(UUID.randomUUID().toString())
                .setWorkspaceId(workspaceId)
                .setActor(actor)
                .setAction(action)
                .setEntityType(entityType)
                .setEntityId(entityId)
                .setBefore(beforeJson)
                .setAfter(afterJson)
                .setVersion(version)
                .setOccurredAt(at)
                .build();
    }

    /** The key of a definition on the compacted topic event-definitions (see {@link DefinitionKeys#topicKey}). */
    public static String definitionKey(EventDefinition entity) {
        return DefinitionKeys.topicKey(entity.workspaceId, callType(entity.callType), entity.name);
    }

    /** The same call type on Kafka. */
    public static DefinitionCallType callType(CallType callType) {
        return DefinitionCallType.valueOf(callType.name());
    }

    /** How change records name a definition: its name for a track event, {@code <calltype>/<name>} otherwise. */
    public static String definitionEntityId(EventDefinition entity) {
        return entity.callType == CallType.TRACK ? entity.name : entity.callType.apiName() + "/" + entity.name;
    }

    public static EventDefinitionState definition(EventDefinition entity) {
        SchemaRef ref = entity.schemaGlobalId == null
                ? null
                : SchemaRef.newBuilder()
                        .setGroupId(entity.schemaGroup)
                        .setArtifactId(entity.name)
                        .setVersion(entity.schemaVersion)
                        .setGlobalId(entity.schemaGlobalId)
                        .build();
        return EventDefinitionState.newBuilder()
                .setWorkspaceId(entity.workspaceId)
                .setName(entity.name)
                .setStatus(DefinitionStatus.valueOf(entity.status.name()))
                .setEnforcement(EnforcementMode.valueOf(entity.enforcement.name()))
                .setKeyEvent(entity.keyEvent)
                .setCriticality(entity.criticality.apiName())
                .setOwnerTeam(entity.ownerTeam)
                .setVersion(entity.version)
                .setSchemaRef(ref)
                .setUpdatedAt(entity.updatedAt)
                .setVirtualRule(entity.virtualRule)
                .setCallType(callType(entity.callType))
                .build();
    }

    public static WorkspaceState workspace(Workspace workspace) {
        return WorkspaceState.newBuilder()
                .setWorkspaceId(workspace.id)
                .setName(workspace.name)
                .setUnplannedEvents(UnplannedEventPolicy.valueOf(workspace.unplannedEvents.name()))
                .setUpdatedAt(workspace.updatedAt)
                .build();
    }

    public static WriteKeyState writeKey(WriteKey key) {
        return WriteKeyState.newBuilder()
                .setKeyHash(key.keyHash)
                .setKeyId(key.id)
                .setWorkspaceId(key.workspaceId)
                .setRevoked(key.revokedAt != null)
                .setChangedAt(key.revokedAt != null ? key.revokedAt : key.createdAt)
                .build();
    }
}
