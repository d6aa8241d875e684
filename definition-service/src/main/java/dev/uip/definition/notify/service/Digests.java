package dev.uip.definition.notify.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.domain.AlertSeverity;
import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.Notification;
import dev.uip.definition.notify.domain.NotificationKind;
import dev.uip.definition.notify.domain.Subscription;
import dev.uip.definition.notify.messaging.NotifyWorker;
import dev.uip.definition.notify.repository.NotificationTargets;
import dev.uip.definition.notify.repository.Notifications;
import dev.uip.definition.notify.repository.SubscriptionStore;
import dev.uip.definition.repository.WorkspaceScope;

/**
 * The daily digests: from {@code uip.notify.digest.hour} (UTC) on, one DIGEST notification
 * ({@code digest:<subscriptionId>:<day>}) per DAILY subscription and earlier day with collected changes. A lease in
 * {@code notify_lease} lets one of several instances do it; the deterministic ids make a second run harmless anyway.
 */
@ApplicationScoped
public class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);
    private static final String LEASE = "daily-digest";

    @Inject
    Pool pool;

    @Inject
    WorkspaceScope scope;

    @Inject
    SubscriptionStore subscriptions;

    @Inject
    Notifications notifications;

    @Inject
    NotifyConfig config;

    @Inject
    NotifyWorker worker;

    @Inject
    ObjectMapper json;

    private final String holder = UUID.randomUUID().toString();

    @Scheduled(every = "{uip.notify.digest.check-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        LocalDate through = now.toLocalDate().minusDays(now.getHour() >= config.digest().hour() ? 1 : 2);
        return send(through).onFailure().recoverWithItem(failure -> {
            LOG.warnf("notify: daily digests failed, retrying at the next check: %s", failure);
            return 0;
        }).replaceWithVoid();
    }

    /** Writes the digests of every day up to {@code through} not written yet, if this instance gets the lease. */
    public Uni<Integer> send(LocalDate through) {
        return lease().chain(held -> {
            if (!held) {
                return Uni.createFrom().item(0);
            }
            return pool.preparedQuery("select * from uip_notify_digests_due($1)").execute(Tuple.of(through))
                    .chain(rows -> {
                        List<Row> due = new ArrayList<>();
                        rows.forEach(due::add);
                        return Multi.createFrom().iterable(due).onItem()
                                .transformToUniAndConcatenate(row -> digest(row.getString("workspace_id"),
                                        row.getString("subscription_id"), row.getLocalDate("day")))
                                .collect().asList().map(List::size);
                    })
                    .call(() -> release()).invoke(count -> {
                        if (count > 0) {
                            worker.wakeUp();
                        }
                    });
        });
    }

    private Uni<Boolean> digest(String workspaceId, String subscriptionId, LocalDate day) {
        return scope.sql(workspaceId, connection -> subscriptions.find(connection, subscriptionId)
                .chain(subscription -> subscription == null
                        ? Uni.createFrom().item(false)
                        : lines(connection, subscriptionId, day)
                                .chain(lines -> write(connection, subscription, day, lines)))
                .call(() -> connection.preparedQuery("delete from digest_item where subscription_id = $1 and day = $2")
                        .execute(Tuple.of(subscriptionId, day))));
    }

    private Uni<List<String>> lines(SqlConnection connection, String subscriptionId, LocalDate day) {
        return connection.preparedQuery("select line from digest_item where subscription_id = $1 and day = $2"
                + " order by occurred_at, change_id").execute(Tuple.of(subscriptionId, day)).map(rows -> {
                    List<String> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(row.getString("line")));
                    return lines;
                });
    }

    private Uni<Boolean> write(SqlConnection connection, Subscription subscription, LocalDate day,
            List<String> lines) {
        int max = config.digest().maxLines();
        List<String> shown = lines.size() <= max ? lines : lines.subList(0, max);
        String id = "digest:" + subscription.id() + ":" + day;
        String title = "UIP digest for " + day + ": " + lines.size() + (lines.size() == 1 ? " change" : " changes");
        String text = String.join("\n", shown) + (lines.size() > max
                ? "\n… and " + (lines.size() - max) + " more"
                : "");
        ObjectNode payload = json.createObjectNode().put("kind", NotificationKind.DIGEST.name())
                .put("notificationId", id).put("workspaceId", subscription.workspaceId())
                .put("subscriptionId", subscription.id()).put("day", day.toString()).put("count", lines.size())
                .put("title", title).put("text", text);
        shown.forEach(payload.putArray("changes")::add);
        Notification digest = new Notification(subscription.workspaceId(), id, NotificationKind.DIGEST,
                subscription.team(), subscription.eventName(), AlertSeverity.LOW, false, title, text, payload, null,
                "SUBSCRIPTION", subscription.id(), Instant.now());
        return notifications.add(connection, digest).call(written -> subscription.channelId() == null
                ? Uni.createFrom().voidItem()
                : NotificationTargets.add(connection, subscription.workspaceId(), id, subscription.channelId()));
    }

    private Uni<Boolean> lease() {
        return pool.preparedQuery("insert into notify_lease (name, holder, until) values ($1, $2, now() + interval"
                + " '10 minutes') on conflict (name) do update set holder = excluded.holder, until = excluded.until"
                + " where notify_lease.until < now() or notify_lease.holder = excluded.holder returning holder")
                .execute(Tuple.of(LEASE, holder)).map(rows -> rows.size() == 1);
    }

    private Uni<Void> release() {
        return pool.preparedQuery("update notify_lease set until = now() where name = $1 and holder = $2")
                .execute(Tuple.of(LEASE, holder)).replaceWithVoid();
    }
}
