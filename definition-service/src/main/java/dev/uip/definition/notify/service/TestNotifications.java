package dev.uip.definition.notify.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.domain.AlertSeverity;
import dev.uip.definition.notify.domain.Channel;
import dev.uip.definition.notify.domain.Notification;
import dev.uip.definition.notify.domain.NotificationKind;
import dev.uip.definition.notify.repository.NotificationTargets;
import dev.uip.definition.notify.repository.Notifications;

/** Writes a channel's TEST notification ({@code test:<uuid>}) addressed to that channel alone. */
@ApplicationScoped
public class TestNotifications {

    @Inject
    Notifications notifications;

    @Inject
    ObjectMapper json;

    public Uni<String> add(SqlConnection connection, Channel channel, String actor, Instant at) {
        String id = "test:" + UUID.randomUUID();
        String title = "Test notification from UIP";
        String text = "Channel '" + channel.name() + "' works: this test was sent by " + actor + ".";
        ObjectNode payload = json.createObjectNode().put("kind", NotificationKind.TEST.name())
                .put("notificationId", id).put("workspaceId", channel.workspaceId()).put("title", title)
                .put("text", text).put("createdAt", at.toString());
        payload.putObject("channel").put("id", channel.id()).put("name", channel.name());
        Notification notification = new Notification(channel.workspaceId(), id, NotificationKind.TEST,
                channel.team(), null, AlertSeverity.LOW, false, title, text, payload, null, "CHANNEL", channel.id(),
                at);
        return notifications.add(connection, notification)
                .chain(() -> NotificationTargets.add(connection, channel.workspaceId(), id, channel.id()))
                .replaceWith(id);
    }
}
