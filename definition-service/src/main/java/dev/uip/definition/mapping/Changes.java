package dev.uip.definition.mapping;

import java.time.Instant;
import java.util.UUID;

import dev.uip.schemas.DefinitionChanged;

/** Builds the change records that every registry mutation publishes. */
public final class Changes {

    private Changes() {
    }

    public static DefinitionChanged of(String workspaceId, String actor, String action, String entityType,
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
}
