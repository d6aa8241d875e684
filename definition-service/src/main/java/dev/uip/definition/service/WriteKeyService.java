package dev.uip.definition.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.KeyNotFoundException;
import dev.uip.definition.domain.Labels;
import dev.uip.definition.mapping.DefinitionMapper;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.repository.WriteKey;
import dev.uip.definition.repository.WriteKeyRepository;
import dev.uip.definition.rest.WriteKeyView;
import dev.uip.schemas.keys.WriteKeyFormat;

/**
 * Issues, lists, revokes and rotates write keys. A key is shown once; only its SHA-256 is stored and published. The
 * key's state (for the ingest edge) and the change (for the audit trail) go out through the outbox of the same
 * transaction.
 */
@ApplicationScoped
public class WriteKeyService {

    @Inject
    WorkspaceScope scope;

    @Inject
    WriteKeyRepository keys;

    @Inject
    WorkspaceService workspaces;

    @Inject
    Outbox outbox;

    @Inject
    DefinitionMapper mapper;

    public Uni<WriteKeyView> issue(String workspaceId, String name, String actor) {
        String label = name == null || name.isBlank() ? "default" : Labels.check("name", name, 100, "a key name");
        String secret = WriteKeyFormat.generate();
        WriteKey key = newKey(workspaceId, label, secret, actor);
        return scope.transaction(workspaceId, () -> workspaces.ensure(workspaceId, actor)
                .chain(() -> keys.persist(key))
                .call(stored -> outbox.writeKeyState(stored))
                .call(stored -> outbox.change(StateRecords.change(workspaceId, actor, "KEY_ISSUED", "WRITE_KEY",
                        stored.id, null, viewJson(stored), 1, stored.createdAt))))
                .invoke(outbox::committed)
                .map(stored -> view(stored, secret));
    }

    public Uni<List<WriteKeyView>> list(String workspaceId) {
        return scope.transaction(workspaceId, () -> keys.listAll(workspaceId))
                .map(all -> all.stream().map(key -> view(key, null)).toList());
    }

    public Uni<WriteKeyView> revoke(String workspaceId, String id, String actor) {
        return scope.transaction(workspaceId, () -> find(workspaceId, id)
                .call(key -> key.revokedAt != null ? Uni.createFrom().voidItem() : revokeNow(key, actor)))
                .invoke(outbox::committed)
                .map(key -> view(key, null));
    }

    private Uni<Void> revokeNow(WriteKey key, String actor) {
        String before = viewJson(key);
        key.revokedAt = Instant.now();
        return outbox.writeKeyState(key).chain(() -> outbox.change(StateRecords.change(key.workspaceId, actor,
                "KEY_REVOKED", "WRITE_KEY", key.id, before, viewJson(key), 2, key.revokedAt)));
    }

    /** Issues a replacement with the same name, then revokes the old key. */
    public Uni<WriteKeyView> rotate(String workspaceId, String id, String actor) {
        return scope.transaction(workspaceId, () -> find(workspaceId, id))
                .chain(old -> issue(workspaceId, old.name, actor))
                .call(fresh -> scope.transaction(workspaceId, () -> find(workspaceId, id)
                        .invoke(old -> old.replacedBy = fresh.id())))
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
        return mapper.write(view(key, null));
    }
}
