package dev.uip.definition.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import dev.uip.definition.notify.config.NotifyConfig;
import dev.uip.definition.notify.domain.Channel;
import dev.uip.definition.notify.domain.ChannelKind;
import dev.uip.definition.notify.domain.ChannelRequest;
import dev.uip.definition.notify.domain.ChannelRules;
import dev.uip.definition.notify.domain.ChannelSpec;
import dev.uip.definition.notify.domain.NotifyConflictException;
import dev.uip.definition.notify.domain.NotifyNotFoundException;
import dev.uip.definition.notify.domain.TargetCheck;
import dev.uip.definition.notify.messaging.NotifyWorker;
import dev.uip.definition.notify.repository.ChannelStore;
import dev.uip.definition.repository.WorkspaceScope;

/**
 * A workspace's channels: create (within the limit), list, read, change, delete, rotate a webhook's signing secret
 * and send a test; each change is a change event (CHANNEL, URL masked, no secret) in the same transaction.
 */
@ApplicationScoped
public class Channels {

    /** A channel and, right after its creation or a rotation, its webhook signing secret (shown only then). */
    public record WithSecret(Channel channel, String signingSecret) {
    }

    @Inject
    WorkspaceScope scope;

    @Inject
    ChannelStore store;

    @Inject
    ChannelRules rules;

    @Inject
    NotifyKeys keys;

    @Inject
    NotifyConfig config;

    @Inject
    ChannelChanges changes;

    @Inject
    TestNotifications tests;

    @Inject
    NotifyWorker worker;

    public Uni<WithSecret> create(String workspaceId, String actor, ChannelRequest request) {
        ChannelSpec spec = rules.create(request);
        String id = UUID.randomUUID().toString();
        return scope.sql(workspaceId, connection -> store.lockWorkspace(connection, workspaceId)
                .chain(() -> store.count(connection)).chain(count -> {
                    if (count >= config.maxChannels()) {
                        throw new NotifyConflictException("LIMIT_REACHED", "a workspace has at most "
                                + config.maxChannels() + " channels");
                    }
                    return uniqueName(connection, spec.name(), null);
                })
                .chain(() -> store.insert(connection, workspaceId, id, values(id, spec), actor))
                .call(created -> changes.record(connection, actor, "CREATED", null, created)))
                .map(created -> new WithSecret(created, secretOf(created)));
    }

    public Uni<List<Channel>> list(String workspaceId) {
        return scope.sql(workspaceId, store::list);
    }

    public Uni<Channel> get(String workspaceId, String id) {
        return scope.sql(workspaceId, connection -> found(connection, id, false));
    }

    public Uni<Channel> update(String workspaceId, String actor, String id, ChannelRequest request) {
        return scope.sql(workspaceId, connection -> found(connection, id, true).chain(current -> {
            ChannelSpec spec = rules.merge(current, request);
            return uniqueName(connection, spec.name(), id)
                    .chain(() -> store.update(connection, id, values(id, spec)))
                    .call(changed -> changes.record(connection, actor, "UPDATED", current, changed));
        }));
    }

    public Uni<Void> delete(String workspaceId, String actor, String id) {
        return scope.sql(workspaceId, connection -> found(connection, id, true)
                .call(current -> store.delete(connection, id))
                .chain(current -> changes.record(connection, actor, "DELETED", current, null)));
    }

    public Uni<WithSecret> rotateSecret(String workspaceId, String actor, String id) {
        return scope.sql(workspaceId, connection -> found(connection, id, true).chain(current -> {
            if (current.kind() != ChannelKind.WEBHOOK) {
                throw new NotifyConflictException("NO_SECRET", "only WEBHOOK channels have a signing secret");
            }
            return store.rotate(connection, id)
                    .call(rotated -> changes.record(connection, actor, "SECRET_ROTATED", current, rotated));
        })).map(rotated -> new WithSecret(rotated, secretOf(rotated)));
    }

    /** Queues a TEST notification to channel {@code id} alone and wakes the worker; returns its id. */
    public Uni<String> test(String workspaceId, String actor, String id) {
        return scope.sql(workspaceId, connection -> found(connection, id, false)
                .chain(channel -> tests.add(connection, channel, actor, Instant.now())))
                .invoke(worker::wakeUp);
    }

    private Uni<Channel> found(SqlConnection connection, String id, boolean forUpdate) {
        return store.find(connection, id, forUpdate).map(channel -> {
            if (channel == null) {
                throw new NotifyNotFoundException("no channel '" + id + "'");
            }
            return channel;
        });
    }

    private Uni<Void> uniqueName(SqlConnection connection, String name, String exceptId) {
        return store.nameTaken(connection, name, exceptId).map(taken -> {
            if (taken) {
                throw new NotifyConflictException("NAME_CONFLICT", "a channel named '" + name + "' exists");
            }
            return null;
        });
    }

    private ChannelStore.Values values(String id, ChannelSpec spec) {
        String url = spec.url() == null ? null : spec.url().toString();
        return new ChannelStore.Values(spec.name(), spec.kind(), spec.team(), spec.paging(),
                url == null ? null : keys.seal(id, url), spec.url() == null ? null : TargetCheck.mask(spec.url()),
                spec.recipients());
    }

    private String secretOf(Channel channel) {
        return channel.kind() == ChannelKind.WEBHOOK
                ? keys.signingSecret(channel.id(), channel.secretVersion())
                : null;
    }
}
