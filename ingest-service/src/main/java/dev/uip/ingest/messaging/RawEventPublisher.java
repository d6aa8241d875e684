package dev.uip.ingest.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.uip.schemas.RawUsageEvent;

/** Publishes accepted messages to usage-events-raw; the returned Uni completes when the broker acknowledged. */
@ApplicationScoped
public class RawEventPublisher {

    public static final String WORKSPACE_HEADER = "uip-workspace";
    /** Copied by the validation topology to its outputs, so receipts can be matched without decoding records. */
    public static final String MESSAGE_ID_HEADER = "uip-message-id";

    @Inject
    @Channel("raw-events")
    MutinyEmitter<RawUsageEvent> emitter;

    public Uni<Void> publish(RawUsageEvent event) {
        String identity = event.getUserId() != null ? event.getUserId() : event.getAnonymousId();
        RecordHeaders headers = new RecordHeaders();
        headers.add(WORKSPACE_HEADER, event.getWorkspaceId().getBytes(StandardCharsets.UTF_8));
        headers.add(MESSAGE_ID_HEADER, event.getMessageId().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.getWorkspaceId() + "/" + identity)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event).addMetadata(metadata));
    }
}
