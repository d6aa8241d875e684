package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.List;

/** A notification as stored, with where it went: its deliveries. */
public record NotificationEntry(String id, NotificationKind kind, String team, String eventName, String severity,
        boolean page, String title, String text, String suppressedReason, String subjectType, String subjectId,
        Instant createdAt, Instant routedAt, List<DeliveryEntry> deliveries) {
}
