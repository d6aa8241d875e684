package dev.uip.definition.notify.domain;

import java.time.Instant;
import java.util.List;

/** One delivery of a notification to a channel, as the log shows it (attempts only when asked for). */
public record DeliveryEntry(String id, String notificationId, String channelId, String channelName,
        ChannelKind channelKind, DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError,
        Instant nextAttemptAt, Instant deliveredAt, Instant createdAt, List<Attempt> attemptLog) {

    /** One attempt: when, the receiver's status code (null without an HTTP answer), the error, how long it took. */
    public record Attempt(int attempt, Instant at, Integer statusCode, String error, Integer durationMs) {
    }
}
