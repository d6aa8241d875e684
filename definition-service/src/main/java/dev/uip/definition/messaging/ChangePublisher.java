package dev.uip.definition.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.uip.schemas.DefinitionChanged;

/** Publishes registry changes to definition-changes, keyed by workspace so each workspace's changes stay in order. */
@ApplicationScoped
public class ChangePublisher {

    @Inject
    @Channel("definition-changes")
    MutinyEmitter<DefinitionChanged> emitter;

    public Uni<Void> publish(DefinitionChanged change) {
        return emitter.sendMessage(Message.of(change).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(change.getWorkspaceId()).build()));
    }
}
