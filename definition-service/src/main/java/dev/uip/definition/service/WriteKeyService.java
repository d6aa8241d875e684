package dev.uip.definition.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.KeyNotFoundException;
import dev.uip.definition.domain.Workspaces;
import dev.uip.definition.mapping.Changes;
import dev.uip.definition.messaging.ChangePublisher;
import dev.uip.definition.messaging.KeyStatePublisher;
import dev.uip.definition.repository.WriteKey;
import dev.uip.definition.repository.WriteKeyRepository;
import dev.uip.definition.rest.WriteKeyView;
import dev.uip.schemas.keys.WriteKeyFormat;

/**
 * Issues, lists, revokes and rotates write keys. A key is shown once; only its SHA-256 is stored and published. A
 * revocation is published before it is committed, so a failure leaves the key refused rather than accepted.
 */
@ApplicationScoped
public class WriteKeyService {

    @Inject
    WriteKeyRepository keys;

    @Inject
    KeyStatePublisher states;

    @Inject
    ChangePublisher changes;

    @Inject
    ObjectMapper json;

    public Uni<WriteKeyView> issue(String workspaceId, String name, String actor) {
        Workspaces.checkId(workspaceId);
        String label = name == null || name.isBlank() ? "default" : name.strip();
        if (label.length() > 100) {
            throw new InvalidDefinitionException("name", "a key name is at most 100 characters");
        }
        String secret = WriteKeyFormat.generate();
        WriteKey key = newKey(workspaceId, label, secret, actor);
        Executor here = Contexts.current();
        return Panache.withTransaction(() -> keys.persist(key))
                .call(stored -> states.publish(stored))
                .call(stored -> changes.publish(Changes.of(workspaceId, actor, "KEY_ISSUED", "WRITE_KEY", stored.id,
                        null, viewJson(stored), 1, stored.createdAt)))
                .emitOn(here)
                .map(stored -> view(stored, secret));
    }

    public Uni<List<WriteKeyView>> list(String workspaceId) {
        Workspaces.checkId(workspaceId);
        return Panache.withSession(() -> keys.listAll(workspaceId))
                .map(all -> all.stream().map(key -> view(key, null)).toList());
    }

    public Uni<WriteKeyView> revoke(String workspaceId, String id, String actor) {
        Executor here = Contexts.current();
        return Panache.withSession(() -> find(workspaceId, id))
                .chain(key -> key.revokedAt != null ? Uni.createFrom().item(key) : revokeNow(key, actor, here))
                .map(key -> view(key, null));
    }

    // Ingest learns of the revocation first; the database follows. A failure in between leaves the key refused.
    private Uni<WriteKey> revokeNow(WriteKey key, String actor, Executor here) {
        String before = viewJson(key);
        Instant now = Instant.now();
        key.revokedAt = now;
        return states.publish(key).emitOn(here)
                .chain(() -> Panache.withTransaction(() -> keys.update("revokedAt = ?1 where id = ?2", now, key.id)))
                .chain(() -> changes.publish(Changes.of(key.workspaceId, actor, "KEY_REVOKED", "WRITE_KEY", key.id,
                        before, viewJson(key), 2, now)))
                .emitOn(here)
                .replaceWith(key);
    }

    /** Issues a replacement with the same name, then revokes the old key. */
    public Uni<WriteKeyView> rotate(String workspaceId, String id, String actor) {
        return Panache.withSession(() -> find(workspaceId, id))
                .chain(old -> issue(workspaceId, old.name, actor))
                .call(fresh -> Panache.withTransaction(
                        () -> keys.update("replacedBy = ?1 where id = ?2", fresh.id(), id)))
                .call(fresh -> revoke(workspaceId, id, actor));
    }

    private Uni<WriteKey> find(String workspaceId, String id) {
        return keys.findInWorkspace(workspaceId, id).onItem().ifNull().failWith(() -> new KeyNotFoundException(
                "no write key '" + id + "' in workspace " + workspaceId));
    }

    private static WriteKey newKey(String workspaceId, String name, String secret, String actor) {
        WriteKey key = new WriteKey();
        key.id = "wk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        key.workspaceId = workspaceId;
        key.name = name;
        key.keyHash = WriteKeyFormat.hash(secret);
        key.displayPrefix = WriteKeyFormat.displayPrefix(secret);
        key.createdAt = Instant.now();
        key.createdBy = actor;
        return key;
    }

    private static WriteKeyView view(WriteKey key, String secret) {
        return new WriteKeyView(key.id, key.workspaceId, key.name, key.displayPrefix, secret, key.createdAt,
                key.createdBy, key.revokedAt, key.replacedBy);
    }

    private String viewJson(WriteKey key) {
        try {
            return json.writeValueAsString(view(key, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
