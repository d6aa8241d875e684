package dev.uip.definition.notify.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.Backoff;
import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.NotificationKind;

/**
 * One round of the notify worker over every workspace, through migration V14's SECURITY DEFINER functions: routes
 * unrouted notifications into deliveries, claims the due deliveries (rows held by another worker are skipped, a claim
 * is a lease), sends them all at once and records each attempt under the claim's token. Safe with several instances
 * or concurrent rounds: a delivery is sent by the one round that claimed it.
 */
@ApplicationScoped
public class DeliveryRound {

    private static final Logger LOG = Logger.getLogger(DeliveryRound.class);

    /** What one round did. */
    public record Result(int routed, int sent) {
    }

    @Inject
    Pool pool;

    @Inject
    NotifyConfig config;

    @Inject
    HttpSender http;

    @Inject
    EmailSender email;

    public Uni<Result> run() {
        NotifyConfig.Delivery delivery = config.delivery();
        String token = UUID.randomUUID().toString();
        return pool.preparedQuery("select uip_notify_route($1)").execute(Tuple.of(delivery.batchSize()))
                .map(rows -> rows.iterator().next().getInteger(0))
                .chain(routed -> pool.preparedQuery("select * from uip_notify_claim($1, $2, $3)")
                        .execute(Tuple.of(delivery.batchSize(), (int) Math.max(1, delivery.lease().toSeconds()),
                                token))
                        .chain(rows -> {
                            List<Claimed> claimed = new ArrayList<>();
                            rows.forEach(row -> claimed.add(claimed(row)));
                            if (claimed.isEmpty()) {
                                return Uni.createFrom().item(new Result(routed, 0));
                            }
                            List<Uni<Boolean>> sends = claimed.stream().map(one -> attempt(one, token)).toList();
                            return Uni.join().all(sends).andCollectFailures()
                                    .map(done -> new Result(routed, claimed.size()));
                        }));
    }

    private Uni<Boolean> attempt(Claimed delivery, String token) {
        long start = System.nanoTime();
        Uni<Outcome> sent = delivery.channelKind() == ChannelKind.EMAIL ? email.send(delivery) : http.send(delivery);
        return sent.onFailure().recoverWithItem(failure -> Outcome.failed(null, false, failure.toString()))
                .chain(outcome -> record(delivery, token, outcome,
                        (int) Duration.ofNanos(System.nanoTime() - start).toMillis()));
    }

    private Uni<Boolean> record(Claimed delivery, String token, Outcome outcome, int durationMs) {
        int attempt = delivery.attempts() + 1;
        NotifyConfig.Delivery settings = config.delivery();
        Backoff backoff = new Backoff(settings.firstBackoff(), settings.backoffFactor(), settings.maxAttempts());
        Duration wait = outcome.delivered() || outcome.permanent() ? null : backoff.after(attempt);
        String result = outcome.delivered() ? "DELIVERED" : wait == null ? "DEAD" : "RETRY";
        OffsetDateTime next = wait == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(wait);
        if (!outcome.delivered()) {
            LOG.debugf("notify: delivery %s attempt %d failed (%s): %s", delivery.deliveryId(), attempt, result,
                    outcome.error());
        }
        return pool.preparedQuery("select uip_notify_attempt($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple().addString(delivery.deliveryId()).addString(token).addString(result)
                        .addInteger(outcome.statusCode()).addString(outcome.error()).addOffsetDateTime(next)
                        .addInteger(durationMs).addInteger(settings.failingAfter()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private static Claimed claimed(Row row) {
        String[] recipients = row.getArrayOfStrings("recipients");
        return new Claimed(row.getString("delivery_id"), row.getString("workspace_id"),
                row.getString("notification_id"), row.getString("channel_id"), row.getInteger("attempts"),
                NotificationKind.valueOf(row.getString("kind")), row.getString("title"), row.getString("body_text"),
                row.getString("payload"), ChannelKind.valueOf(row.getString("channel_kind")),
                row.getString("target_sealed"), recipients == null ? List.of() : Arrays.asList(recipients),
                row.getInteger("secret_version"));
    }
}
