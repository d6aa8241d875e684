package dev.uip.definition.notify.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.notify.domain.DeliveryEntry;
import dev.uip.definition.notify.domain.DeliveryStatus;
import dev.uip.definition.notify.domain.NotificationEntry;
import dev.uip.definition.notify.domain.NotifyNotFoundException;
import dev.uip.definition.notify.repository.DeliveryLog;
import dev.uip.definition.repository.WorkspaceScope;

/** Where a workspace's notifications went: notifications with their deliveries, and a channel's delivery log. */
@ApplicationScoped
public class NotificationQueries {

    @Inject
    WorkspaceScope scope;

    @Inject
    DeliveryLog log;

    public Uni<List<NotificationEntry>> list(String workspaceId, String subjectType, String subjectId, int limit) {
        return scope.sql(workspaceId, connection -> log.notifications(connection, subjectType, subjectId, limit));
    }

    public Uni<NotificationEntry> get(String workspaceId, String id) {
        return scope.sql(workspaceId, connection -> log.notification(connection, id)).map(found -> {
            if (found == null) {
                throw new NotifyNotFoundException("no notification '" + id + "'");
            }
            return found;
        });
    }

    public Uni<List<DeliveryEntry>> deliveries(String workspaceId, String channelId, DeliveryStatus status,
            int limit) {
        return scope.sql(workspaceId, connection -> log.deliveries(connection, channelId, status, limit));
    }
}
