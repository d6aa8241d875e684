package dev.uip.audit.mapping;

import dev.uip.audit.repository.AuditEntry;
import dev.uip.audit.rest.AuditEntryView;
import dev.uip.schemas.DefinitionChanged;

/** Converts between the change event, the stored entry and its API view. */
public final class AuditEntryMapper {

    private AuditEntryMapper() {
    }

    public static AuditEntry toEntry(DefinitionChanged change) {
        AuditEntry entry = new AuditEntry();
        entry.changeId = change.getChangeId();
        entry.workspaceId = change.getWorkspaceId();
        entry.actor = change.getActor();
        entry.action = change.getAction();
        entry.entityType = change.getEntityType();
        entry.entityId = change.getEntityId();
        entry.beforeJson = change.getBefore();
        entry.afterJson = change.getAfter();
        entry.version = change.getVersion();
        entry.occurredAt = change.getOccurredAt();
        return entry;
    }

    public static AuditEntryView toView(AuditEntry entry) {
        return new AuditEntryView(entry.changeId, entry.workspaceId, entry.actor, entry.action, entry.entityType,
                entry.entityId, entry.beforeJson, entry.afterJson, entry.version, entry.occurredAt,
                entry.recordedAt);
    }
}
