package dev.uip.definition.notify.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.InvalidNotifyRequestException;
import dev.uip.definition.notify.domain.NotifyConflictException;
import dev.uip.definition.notify.domain.NotifyNotFoundException;
import dev.uip.definition.notify.domain.Subscription;
import dev.uip.definition.notify.domain.SubscriptionRequest;
import dev.uip.definition.notify.domain.SubscriptionRules;
import dev.uip.definition.notify.repository.ChannelStore;
import dev.uip.definition.notify.repository.SubscriptionStore;
import dev.uip.definition.repository.WorkspaceScope;

/** A workspace's change subscriptions: create (within the limit, naming a live channel if any), list, delete. */
@ApplicationScoped
public class Subscriptions {

    @Inject
    WorkspaceScope scope;

    @Inject
    SubscriptionStore store;

    @Inject
    ChannelStore channels;

    @Inject
    NotifyConfig config;

    @Inject
    ChannelChanges changes;

    public Uni<Subscription> create(String workspaceId, String actor, SubscriptionRequest request) {
        Subscription subscription = SubscriptionRules.check(workspaceId, UUID.randomUUID().toString(), actor,
                request, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return scope.sql(workspaceId, connection -> store.lockWorkspace(connection, workspaceId)
                .chain(() -> store.count(connection)).chain(count -> {
                    if (count >= config.maxSubscriptions()) {
                        throw new NotifyConflictException("LIMIT_REACHED", "a workspace has at most "
                                + config.maxSubscriptions() + " subscriptions");
                    }
                    return subscription.channelId() == null
                            ? Uni.createFrom().voidItem()
                            : channels.find(connection, subscription.channelId(), false).map(channel -> {
                                if (channel == null) {
                                    throw new InvalidNotifyRequestException("channelId", "no channel '"
                                            + subscription.channelId() + "'");
                                }
                                return null;
                            });
                })
                .chain(() -> store.insert(connection, subscription))
                .chain(() -> changes.record(connection, actor, "CREATED", null, subscription)))
                .replaceWith(subscription);
    }

    public Uni<List<Subscription>> list(String workspaceId) {
        return scope.sql(workspaceId, store::list);
    }

    public Uni<Void> delete(String workspaceId, String actor, String id) {
        return scope.sql(workspaceId, connection -> store.find(connection, id).chain(found -> {
            if (found == null) {
                throw new NotifyNotFoundException("no subscription '" + id + "'");
            }
            return store.delete(connection, id)
                    .chain(() -> changes.record(connection, actor, "DELETED", found, null));
        }));
    }
}
