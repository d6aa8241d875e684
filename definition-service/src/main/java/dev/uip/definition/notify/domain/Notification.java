package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.domain.AlertSeverity;

/**
 * Something that should reach people: written by a producer (alert workflow, change subscriptions, digest) and
 * delivered by the notify worker to the channels of its team, or recorded only when {@code suppressedReason} is set.
 *
 * @param id deterministic per workspace (for example {@code alert:<incident>:opened:1} or {@code change:<changeId>})
 *        so that a producer that runs twice writes one notification
 * @param team the owner team it is routed to; null for the workspace's default channels
 * @param payload the JSON document a webhook receives
 * @param suppressedReason why it is recorded but not delivered (maintenance window, quiet hours, snoozed), or null
 * @param subjectType what it is about: {@code ALERT} (subjectId the incident id) or a change's entity type
 */
public record Notification(String workspaceId, String id, NotificationKind kind, String team, String eventName,
        AlertSeverity severity, boolean page, String title, String text, ObjectNode payload, String suppressedReason,
        String subjectType, String subjectId, Instant createdAt) {

    public Notification {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean suppressed() {
        return suppressedReason != null;
    }
}
