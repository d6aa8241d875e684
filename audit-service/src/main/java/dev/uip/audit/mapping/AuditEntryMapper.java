package dev.uip.audit.mapping;

import dev.uip.audit.domain.ChainedContent;
import dev.uip.audit.domain.StoredEntry;
import dev.uip.audit.rest.AuditEntryView;
import dev.uip.schemas.DefinitionChanged;

/** Converts between the change event, the stored entry and its API view. */
public final class AuditEntryMapper {

    private AuditEntryMapper() {
    }

    /** The change's fields as the chain covers them; its sequence is assigned when it is appended. */
    public static ChainedContent toContent(DefinitionChanged change) {
        return new ChainedContent(0, change.getChangeId(), change.getWorkspaceId(), change.getActor(),
                change.getAction(), change.getEntityType(), change.getEntityId(), change.getBefore(),
                change.getAfter(), change.getVersion(), change.getOccurredAt());
    }

    public static AuditEntryView toView(StoredEntry entry) {
        return new AuditEntryView(entry.changeId(), entry.workspace(), entry.actor(), entry.action(),
                entry.entityType(), entry.entityId(), entry.before(), entry.after(), entry.version(),
                entry.occurredAt(), entry.recordedAt(), entry.sequence(), entry.hash());
    }
}
