package dev.uip.definition.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.uip.definition.repository.WriteKey;
import dev.uip.schemas.WriteKeyState;

/** Publishes each write key's state to the compacted write-keys topic that the ingest edge reads. */
@ApplicationScoped
public class KeyStatePublisher {

    @Inject
    @Channel("write-keys")
    MutinyEmitter<WriteKeyState> emitter;

    public Uni<Void> publish(WriteKey key) {
        WriteKeyState state = WriteKeyState.newBuilder()
                .setKeyHash(key.keyHash)
                .setKeyId(key.id)
                .setWorkspaceId(key.workspaceId)
                .setRevoked(key.revokedAt != null)
                .setChangedAt(key.revokedAt != null ? key.revokedAt : key.createdAt)
                .build();
        return emitter.sendMessage(Message.of(state).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key.keyHash).build()));
    }
}
