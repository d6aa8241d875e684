package dev.uip.definition.notify.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.notify.domain.Channel;
import dev.uip.definition.notify.domain.Subscription;

/**
 * Writes the change events of channels and subscriptions (entity types CHANNEL and SUBSCRIPTION) in the caller's
 * transaction: before and after as stored, so with the URL masked and never a secret.
 */
@ApplicationScoped
public class ChannelChanges {

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    public Uni<Void> record(SqlConnection connection, String actor, String action, Channel before, Channel after) {
        Channel any = after != null ? after : before;
        return outbox.change(connection, StateRecords.change(any.workspaceId(), actor, action, "CHANNEL", any.id(),
                write(before), write(after), any.version(), Instant.now()));
    }

    public Uni<Void> record(SqlConnection connection, String actor, String action, Subscription before,
            Subscription after) {
        Subscription any = after != null ? after : before;
        return outbox.change(connection, StateRecords.change(any.workspaceId(), actor, action, "SUBSCRIPTION",
                any.id(), write(before), write(after), 1, Instant.now()));
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a channel or subscription could not be written as JSON", e);
        }
    }
}
