package dev.uip.audit.domain;

import java.time.Instant;

/**
 * What the hash chain covers of one audit entry: its place in the workspace's chain and every field of the change it
 * records ({@code before} and {@code after} as the exact JSON text received, null when absent).
 */
public record ChainedContent(long sequence, String changeId, String workspace, String actor, String action,
        String entityType, String entityId, String before, String after, int version, Instant occurredAt) {

    /** The same content at another place of the chain. */
    public ChainedContent at(long otherSequence) {
        return new ChainedContent(otherSequence, changeId, workspace, actor, action, entityType, entityId, before,
                after, version, occurredAt);
    }
}
