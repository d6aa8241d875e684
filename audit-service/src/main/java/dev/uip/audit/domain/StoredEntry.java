package dev.uip.audit.domain;

import java.time.Instant;

/** One audit entry as stored: the recorded change, its place in the workspace's hash chain and its event name. */
public record StoredEntry(long sequence, String changeId, String workspace, String actor, String action,
        String entityType, String entityId, String before, String after, int version, Instant occurredAt,
        Instant recordedAt, String prevHash, String hash, String eventName) {

    /** What the hash chain covers of this entry, at the sequence it is stored at. */
    public ChainedContent content() {
        return new ChainedContent(sequence, changeId, workspace, actor, action, entityType, entityId, before, after,
                version, occurredAt);
    }
}
