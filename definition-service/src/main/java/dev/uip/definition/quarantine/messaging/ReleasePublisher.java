package dev.uip.definition.quarantine.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.definition.config.QuarantineConfig;
import dev.uip.schemas.MessageType;
import dev.uip.schemas.QuarantineRelease;
import dev.uip.schemas.RawUsageEvent;

/**
 * One round of the release relay: reads the RELEASING rows whose release was not published yet (or long enough ago
 * without an outcome), publishes one QuarantineRelease each ({@code acks=all}, all of the round at once) and stamps
 * them sent. It reads across workspaces only through migration V7's SECURITY DEFINER functions.
 */
@ApplicationScoped
public class ReleasePublisher {

    @Inject
    Pool pool;

    @Inject
    QuarantineConfig config;

    @Inject
    @Channel("quarantine-releases")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<QuarantineRelease> emitter;

    /** Publishes one round; returns how many releases it published. */
    public Uni<Integer> round() {
        QuarantineConfig.Relay relay = config.relay();
        OffsetDateTime resendBefore = OffsetDateTime.now().minus(relay.resendAfter());
        return pool.preparedQuery("select * from uip_quarantine_due($1, $2)")
                .execute(Tuple.of(relay.batchSize(), resendBefore)).chain(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Uni<Void>> sends = due.stream().map(this::send).toList();
                    return Uni.join().all(sends).andFailFast().ifNoItem().after(relay.sendTimeout()).fail()
                            .chain(() -> sent(due)).replaceWith(due.size());
                });
    }

    private Uni<Void> send(Row row) {
        QuarantineRelease release = release(row);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(release.getWorkspaceId() + "/" + release.getMessageId()).build();
        return emitter.sendMessage(Message.of(release).addMetadata(metadata));
    }

    private Uni<Void> sent(List<Row> rows) {
        String[] workspaces = rows.stream().map(row -> row.getString("workspace_id")).toArray(String[]::new);
        String[] messages = rows.stream().map(row -> row.getString("message_id")).toArray(String[]::new);
        String[] operations = rows.stream().map(row -> row.getString("operation_id")).toArray(String[]::new);
        return pool.preparedQuery("select uip_quarantine_sent($1, $2, $3)")
                .execute(Tuple.of(workspaces, messages, operations)).replaceWithVoid();
    }

    static QuarantineRelease release(Row row) {
        RawUsageEvent raw = RawUsageEvent.newBuilder()
                .setWorkspaceId(row.getString("workspace_id"))
                .setWriteKeyId(row.getString("write_key_id"))
                .setMessageId(row.getString("message_id"))
                .setType(MessageType.valueOf(row.getString("call_type")))
                .setEvent(row.getString("event_name"))
                .setUserId(row.getString("user_id"))
                .setAnonymousId(row.getString("anonymous_id"))
                .setTimestamp(instant(row, "event_timestamp"))
                .setReceivedAt(instant(row, "received_at"))
                .setFlags(Arrays.asList(row.getArrayOfStrings("flags")))
                .setPayload(row.getString("payload"))
                .build();
        Instant requested = instant(row, "release_requested_at");
        return QuarantineRelease.newBuilder()
                .setReleaseId(row.getString("operation_id"))
                .setWorkspaceId(raw.getWorkspaceId())
                .setMessageId(raw.getMessageId())
                .setRaw(raw)
                .setActor(row.getString("actor"))
                .setRequestedAt(requested == null ? Instant.now() : requested)
                .build();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
