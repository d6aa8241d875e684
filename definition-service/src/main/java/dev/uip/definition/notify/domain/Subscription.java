package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.List;

/**
 * A change subscription: which changes (scope, key events only, actions; empty actions: all), where they go (a
 * channel, else by team) and whether at once or in a daily digest.
 */
public record Subscription(String workspaceId, String id, SubscriptionScope scope, String team, String eventName,
        boolean keyEventsOnly, List<String> actions, String channelId, DigestMode digest, String createdBy,
        Instant createdAt) {
}
