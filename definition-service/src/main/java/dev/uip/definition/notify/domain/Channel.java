package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.List;

/**
 * A channel as stored, without its secrets: the URL only masked ({@code scheme://host/…}); a webhook's signing secret
 * is derived from the notify key and {@code secretVersion}.
 */
public record Channel(String workspaceId, String id, String name, ChannelKind kind, String team, boolean paging,
        String maskedTarget, List<String> recipients, int secretVersion, ChannelStatus status, Instant statusSince,
        int consecutiveFailures, String lastError, int version, String createdBy, Instant createdAt,
        Instant updatedAt) {
}
