package dev.uip.definition.notify.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.DeliveryEntry;
import dev.uip.definition.notify.domain.DeliveryStatus;
import dev.uip.definition.notify.domain.NotificationEntry;
import dev.uip.definition.notify.domain.NotificationKind;

/** Reads notifications and their deliveries and attempts, inside a workspace-scoped transaction. */
@ApplicationScoped
public class DeliveryLog {

    private static final String NOTIFICATION = "select id, kind, team, event_name, severity, page, title, body_text,"
            + " suppressed_reason, subject_type, subject_id, created_at, routed_at from notification";
    private static final String DELIVERY = "select d.id, d.notification_id, d.channel_id, c.name as channel_name,"
            + " c.kind as channel_kind, d.status, d.attempts, d.last_status_code, d.last_error, d.next_attempt_at,"
            + " d.delivered_at, d.created_at from delivery d join channel c on c.workspace_id = d.workspace_id"
            + " and c.id = d.channel_id";

    /** Newest first; {@code subjectType}/{@code subjectId} filter when given. */
    public Uni<List<NotificationEntry>> notifications(SqlConnection connection, String subjectType, String subjectId,
            int limit) {
        return connection.preparedQuery(NOTIFICATION + " where ($1::text is null or subject_type = $1)"
                + " and ($2::text is null or subject_id = $2) order by created_at desc, id limit $3")
                .execute(Tuple.of(subjectType, subjectId, limit)).chain(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    List<String> ids = found.stream().map(row -> row.getString("id")).toList();
                    return deliveriesOf(connection, ids, false).map(deliveries -> found.stream()
                            .map(row -> notification(row, deliveries.getOrDefault(row.getString("id"), List.of())))
                            .toList());
                });
    }

    /** Notification {@code id} with its deliveries and each one's attempts; null if there is none. */
    public Uni<NotificationEntry> notification(SqlConnection connection, String id) {
        return connection.preparedQuery(NOTIFICATION + " where id = $1").execute(Tuple.of(id)).chain(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().nullItem();
            }
            Row row = rows.iterator().next();
            return deliveriesOf(connection, List.of(id), true)
                    .map(deliveries -> notification(row, deliveries.getOrDefault(id, List.of())));
        });
    }

    /** The newest deliveries, of one channel and in one status when given. */
    public Uni<List<DeliveryEntry>> deliveries(SqlConnection connection, String channelId, DeliveryStatus status,
            int limit) {
        return connection.preparedQuery(DELIVERY + " where ($1::text is null or d.channel_id = $1)"
                + " and ($2::text is null or d.status = $2) order by d.created_at desc, d.id limit $3")
                .execute(Tuple.of(channelId, status == null ? null : status.name(), limit))
                .map(rows -> all(rows, Map.of()));
    }

    private Uni<Map<String, List<DeliveryEntry>>> deliveriesOf(SqlConnection connection, List<String> ids,
            boolean withAttempts) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] array = ids.toArray(String[]::new);
        Uni<Map<String, List<DeliveryEntry.Attempt>>> attempts = withAttempts
                ? attempts(connection, array)
                : Uni.createFrom().item(Map.of());
        return attempts.chain(log -> connection.preparedQuery(DELIVERY + " where d.notification_id = any($1)"
                + " order by d.created_at, c.name").execute(Tuple.of(array)).map(rows -> {
                    Map<String, List<DeliveryEntry>> byNotification = new HashMap<>();
                    all(rows, log).forEach(entry -> byNotification.computeIfAbsent(entry.notificationId(),
                            key -> new ArrayList<>()).add(entry));
                    return byNotification;
                }));
    }

    private Uni<Map<String, List<DeliveryEntry.Attempt>>> attempts(SqlConnection connection, String[] ids) {
        return connection.preparedQuery("select a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.error,"
                + " a.duration_ms from delivery_attempt a join delivery d on d.id = a.delivery_id"
                + " where d.notification_id = any($1) order by a.delivery_id, a.attempt").execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, List<DeliveryEntry.Attempt>> log = new HashMap<>();
                    rows.forEach(row -> log.computeIfAbsent(row.getString("delivery_id"), key -> new ArrayList<>())
                            .add(new DeliveryEntry.Attempt(row.getInteger("attempt"),
                                    ChannelStore.instant(row.getOffsetDateTime("attempted_at")),
                                    row.getInteger("status_code"), row.getString("error"),
                                    row.getInteger("duration_ms"))));
                    return log;
                });
    }

    private static List<DeliveryEntry> all(RowSet<Row> rows, Map<String, List<DeliveryEntry.Attempt>> log) {
        List<DeliveryEntry> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(new DeliveryEntry(row.getString("id"), row.getString("notification_id"),
                    row.getString("channel_id"), row.getString("channel_name"),
                    ChannelKind.valueOf(row.getString("channel_kind")), DeliveryStatus.valueOf(row.getString("status")),
                    row.getInteger("attempts"), row.getInteger("last_status_code"), row.getString("last_error"),
                    ChannelStore.instant(row.getOffsetDateTime("next_attempt_at")),
                    ChannelStore.instant(row.getOffsetDateTime("delivered_at")),
                    ChannelStore.instant(row.getOffsetDateTime("created_at")), log.get(row.getString("id"))));
        }
        return out;
    }

    private static NotificationEntry notification(Row row, List<DeliveryEntry> deliveries) {
        return new NotificationEntry(row.getString("id"), NotificationKind.valueOf(row.getString("kind")),
                row.getString("team"), row.getString("event_name"), row.getString("severity"),
                row.getBoolean("page"), row.getString("title"), row.getString("body_text"),
                row.getString("suppressed_reason"), row.getString("subject_type"), row.getString("subject_id"),
                ChannelStore.instant(row.getOffsetDateTime("created_at")),
                ChannelStore.instant(row.getOffsetDateTime("routed_at")), deliveries);
    }
}
