package dev.uip.definition.notify.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Addresses a notification to explicit channels (a channel test, a subscription's channel): the router sends there. */
public final class NotificationTargets {

    private NotificationTargets() {
    }

    /** Addresses notification {@code id} to channel {@code channelId}, in the notification's own transaction. */
    public static Uni<Void> add(SqlConnection connection, String workspaceId, String id, String channelId) {
        return connection.preparedQuery("insert into notification_target (workspace_id, notification_id, channel_id)"
                + " values ($1, $2, $3) on conflict do nothing").execute(Tuple.of(workspaceId, id, channelId))
                .replaceWithVoid();
    }
}
