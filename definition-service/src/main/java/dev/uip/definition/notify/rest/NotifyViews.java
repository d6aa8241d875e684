package dev.uip.definition.notify.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.uip.definition.notify.domain.Channel;
import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.ChannelStatus;
import dev.uip.definition.notify.domain.DigestMode;
import dev.uip.definition.notify.domain.Subscription;
import dev.uip.definition.notify.domain.SubscriptionScope;

/** What the notify API answers about channels and subscriptions (never a URL unmasked). */
public final class NotifyViews {

    private NotifyViews() {
    }

    /**
     * A channel; {@code signingSecret} only in the answer to a webhook's creation or rotation, {@code target} the
     * masked URL ({@code scheme://host/…}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChannelView(String id, String name, ChannelKind kind, String team, boolean paging, String target,
            List<String> recipients, ChannelStatus status, Instant statusSince, int consecutiveFailures,
            String lastError, int secretVersion, int version, String createdBy, Instant createdAt, Instant updatedAt,
            String signingSecret) {

        static ChannelView of(Channel c, String secret) {
            return new ChannelView(c.id(), c.name(), c.kind(), c.team(), c.paging(), c.maskedTarget(),
                    c.kind() == ChannelKind.EMAIL ? c.recipients() : null, c.status(), c.statusSince(),
                    c.consecutiveFailures(), c.lastError(), c.secretVersion(), c.version(), c.createdBy(),
                    c.createdAt(), c.updatedAt(), secret);
        }
    }

    public record SubscriptionView(String id, SubscriptionScope scope, String team, String eventName,
            boolean keyEventsOnly, List<String> actions, String channelId, DigestMode digest, String createdBy,
            Instant createdAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.scope(), s.team(), s.eventName(), s.keyEventsOnly(), s.actions(),
                    s.channelId(), s.digest(), s.createdBy(), s.createdAt());
        }
    }

    /** The answer to a channel test: the TEST notification queued for it. */
    public record TestView(String notificationId) {
    }
}
