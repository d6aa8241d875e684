package dev.uip.definition.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.config.OutboxConfig;
import dev.uip.definition.mapping.AvroJson;

/**
 * One round of the outbox relay, in one database transaction: takes the relay's lease (no other instance publishes
 * meanwhile), publishes the next records in id order ({@code acks=all}), marks them published, and counts a record's
 * own failure, parking the record at {@code uip.outbox.max-attempts} so that the records after it flow again. It
 * reads across workspaces only through the SECURITY DEFINER functions of migrations V4 and V5.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    /** What a round did: records claimed, records published, and whether it stopped at one to retry later. */
    public record Round(int claimed, int published, boolean stopped) {
    }

    private enum Step {
        PUBLISHED, PARKED, RETRY_LATER
    }

    @Inject
    Pool pool;

    @Inject
    OutboxConfig config;

    @Inject
    @Channel("outbox")
    MutinyEmitter<SpecificRecord> emitter;

    /** Runs one round; a round that does not get the lease claims nothing. */
    public Uni<Round> round() {
        return pool.withTransaction(connection -> connection.preparedQuery(
                "select id, topic, record_key, record_type, payload, attempts from uip_outbox_claim($1)")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    List<Long> published = new ArrayList<>();
                    return publish(connection, claimed, 0, published)
                            .call(() -> markPublished(connection, published))
                            .map(stopped -> new Round(claimed.size(), published.size(), stopped));
                }));
    }

    /** How many records are parked, across all workspaces. */
    public Uni<Long> parkedCount() {
        return pool.preparedQuery("select uip_outbox_parked_count() as parked").execute()
                .map(rows -> rows.iterator().next().getLong("parked"));
    }

    /** Publishes the rows from {@code index} on, one after the other; true when it stopped at one to retry later. */
    private Uni<Boolean> publish(SqlConnection connection, List<Row> rows, int index, List<Long> published) {
        if (index == rows.size()) {
            return Uni.createFrom().item(false);
        }
        Row row = rows.get(index);
        return send(row).replaceWith(Step.PUBLISHED)
                .onFailure().recoverWithUni(failure -> failed(connection, row, failure))
                .chain(step -> switch (step) {
                    case PUBLISHED -> {
                        published.add(row.getLong("id"));
                        yield publish(connection, rows, index + 1, published);
                    }
                    case PARKED -> publish(connection, rows, index + 1, published);
                    // Stopping here keeps the order: nothing after a record is published before it, unless it is parked.
                    case RETRY_LATER -> Uni.createFrom().item(true);
                });
    }

    private Uni<Void> send(Row row) {
        return Uni.createFrom().deferred(() -> {
            String topic = row.getString("topic");
            SpecificRecord record = decode(row, topic);
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topic)
                    .withKey(row.getString("record_key"))
                    .build();
            return emitter.sendMessage(Message.of(record).addMetadata(metadata))
                    .ifNoItem().after(config.sendTimeout()).fail();
        });
    }

    private SpecificRecord decode(Row row, String topic) {
        if (!topics().contains(topic)) {
            throw new UnpublishableRecordException("unknown topic '" + topic + "'", null);
        }
        try {
            return AvroJson.decode(row.getString("record_type"), row.getString("payload"));
        } catch (RuntimeException e) {
            throw new UnpublishableRecordException("undecodable " + row.getString("record_type") + ": "
                    + e.getMessage(), e);
        }
    }

    private Uni<Step> failed(SqlConnection connection, Row row, Throwable failure) {
        long id = row.getLong("id");
        if (OutboxFailures.isTransient(failure)) {
            LOG.warnf("outbox relay: record %d not published yet (not counted, retrying): %s", id, failure);
            return Uni.createFrom().item(Step.RETRY_LATER);
        }
        int attempt = row.getInteger("attempts") + 1;
        return connection.preparedQuery("select uip_outbox_failed($1, $2, $3) as parked")
                .execute(Tuple.of(id, String.valueOf(failure), config.maxAttempts()))
                .map(rows -> rows.iterator().next().getBoolean("parked"))
                .map(parked -> {
                    if (parked) {
                        LOG.errorf("outbox relay: PARKED record %d (%s for topic %s) after %d failed attempts; later"
                                + " records flow on. Last failure: %s", id, row.getString("record_type"),
                                row.getString("topic"), attempt, failure);
                        return Step.PARKED;
                    }
                    LOG.warnf("outbox relay: record %d failed (attempt %d of %d), retrying: %s", id, attempt,
                            config.maxAttempts(), failure);
                    return Step.RETRY_LATER;
                });
    }

    private Uni<Void> markPublished(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("select uip_outbox_published($1)")
                .execute(Tuple.of(ids.toArray(new Long[0])))
                .replaceWithVoid();
    }

    private Set<String> topics() {
        OutboxConfig.Topics topics = config.topics();
        return Set.of(topics.definitionChanges(), topics.eventDefinitions(), topics.workspaces(),
                topics.writeKeys(), topics.alertRules());
    }
}
