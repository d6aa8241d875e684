package dev.uip.definition.notify.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.notify.domain.DigestMode;
import dev.uip.definition.notify.domain.Subscription;
import dev.uip.definition.notify.domain.SubscriptionScope;

/** Change subscriptions of a workspace, inside a workspace-scoped transaction (WorkspaceScope#sql). */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS = "workspace_id, id, scope, team, event_name, key_events_only, actions,"
            + " channel_id, digest, created_by, created_at";

    /** Serializes subscription creations of one workspace, so that the limit holds under concurrent calls. */
    public Uni<Void> lockWorkspace(SqlConnection connection, String workspaceId) {
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtext('uip-subscriptions:' || $1))")
                .execute(Tuple.of(workspaceId)).replaceWithVoid();
    }

    public Uni<Integer> count(SqlConnection connection) {
        return connection.query("select count(*) from subscription").execute()
                .map(rows -> rows.iterator().next().getInteger(0));
    }

    public Uni<Void> insert(SqlConnection connection, Subscription s) {
        return connection.preparedQuery("insert into subscription (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6,"
                + " $7, $8, $9, $10, $11)")
                .execute(Tuple.tuple().addString(s.workspaceId()).addString(s.id()).addString(s.scope().name())
                        .addString(s.team()).addString(s.eventName()).addBoolean(s.keyEventsOnly())
                        .addArrayOfString(s.actions().toArray(String[]::new)).addString(s.channelId())
                        .addString(s.digest().name()).addString(s.createdBy())
                        .addOffsetDateTime(s.createdAt().atOffset(java.time.ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<List<Subscription>> list(SqlConnection connection) {
        return connection.query("select " + COLUMNS + " from subscription order by created_at, id").execute()
                .map(SubscriptionStore::all);
    }

    public Uni<Subscription> find(SqlConnection connection, String id) {
        return connection.preparedQuery("select " + COLUMNS + " from subscription where id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    List<Subscription> found = all(rows);
                    return found.isEmpty() ? null : found.get(0);
                });
    }

    /** Deletes subscription {@code id} and the changes it collected for a digest not written yet. */
    public Uni<Void> delete(SqlConnection connection, String id) {
        return connection.preparedQuery("delete from subscription where id = $1").execute(Tuple.of(id))
                .chain(() -> connection.preparedQuery("delete from digest_item where subscription_id = $1")
                        .execute(Tuple.of(id)))
                .replaceWithVoid();
    }

    static List<Subscription> all(RowSet<Row> rows) {
        List<Subscription> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(new Subscription(row.getString("workspace_id"), row.getString("id"),
                    SubscriptionScope.valueOf(row.getString("scope")), row.getString("team"),
                    row.getString("event_name"), row.getBoolean("key_events_only"),
                    Arrays.asList(row.getArrayOfStrings("actions")), row.getString("channel_id"),
                    DigestMode.valueOf(row.getString("digest")), row.getString("created_by"),
                    ChannelStore.instant(row.getOffsetDateTime("created_at"))));
        }
        return out;
    }
}
