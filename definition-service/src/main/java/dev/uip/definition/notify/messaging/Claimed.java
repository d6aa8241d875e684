package dev.uip.definition.notify.messaging;

import java.util.List;

import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.NotificationKind;

/** A delivery claimed by this worker, with what sending it takes (the channel's sealed URL, its secret version). */
public record Claimed(String deliveryId, String workspaceId, String notificationId, String channelId, int attempts,
        NotificationKind kind, String title, String text, String payload, ChannelKind channelKind,
        String sealedTarget, List<String> recipients, int secretVersion) {
}
