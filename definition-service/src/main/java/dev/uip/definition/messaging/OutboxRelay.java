package dev.uip.definition.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.config.OutboxConfig;
import dev.uip.definition.mapping.AvroJson;

/**
 * Publishes committed outbox records to Kafka in id order ({@code acks=all}), then marks them published: at least
 * once, so consumers deduplicate (change records carry a changeId; state topics are keyed). One round at a time:
 * a wake-up during a round makes it run again. It reads across workspaces only through the SECURITY DEFINER
 * functions of migration V4.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    OutboxConfig config;

    @Inject
    @Channel("outbox")
    MutinyEmitter<SpecificRecord> emitter;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped = true;
    private long timer = -1;

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp());
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        vertx.cancelTimer(timer);
    }

    /** Starts (or resumes) publishing. */
    public void start() {
        stopped = false;
        wakeUp();
    }

    /** Stops publishing after the round in progress; records stay in the outbox until {@link #start()}. */
    public void stop() {
        stopped = true;
    }

    /** Asks for a round now; cheap and safe to call from any thread. */
    public void wakeUp() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        if (stopped) {
            running.set(false);
            return;
        }
        again.set(false);
        publishBatch().subscribe().with(count -> {
            if (count >= config.batchSize()) {
                round();
                return;
            }
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                round();
            }
        }, failure -> {
            LOG.warnf("outbox relay: publishing failed, retrying on the next poll: %s", failure.toString());
            running.set(false);
        });
    }

    private Uni<Integer> publishBatch() {
        return pool.preparedQuery("select id, topic, record_key, record_type, payload from uip_outbox_pending($1)")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    if (pending.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> sent = new ArrayList<>();
                    // One after the other: a failure stops the round, and what was sent before it stays in order.
                    return Multi.createFrom().iterable(pending)
                            .onItem().transformToUniAndConcatenate(row -> send(row).replaceWith(row.getLong("id")))
                            .onItem().invoke(sent::add)
                            .collect().asList()
                            .onFailure().call(failure -> markPublished(sent))
                            .call(this::markPublished)
                            .map(List::size);
                });
    }

    private Uni<Void> send(Row row) {
        SpecificRecord record = AvroJson.decode(row.getString("record_type"), row.getString("payload"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .build();
        return emitter.sendMessage(Message.of(record).addMetadata(metadata));
    }

    private Uni<Void> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("select uip_outbox_published($1)")
                .execute(Tuple.of(ids.toArray(new Long[0])))
                .replaceWithVoid();
    }
}
