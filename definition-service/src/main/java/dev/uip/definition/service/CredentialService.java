package dev.uip.definition.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.KeyNotFoundException;
import dev.uip.definition.domain.Labels;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.ApiCredential;
import dev.uip.definition.repository.ApiCredentialRepository;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.CredentialView;
import dev.uip.schemas.keys.KeyFormat;

/** Management API credentials: issued (shown once, stored as SHA-256), listed, revoked. */
@ApplicationScoped
public class CredentialService {

    @Inject
    WorkspaceScope scope;

    @Inject
    ApiCredentialRepository credentials;

    @Inject
    Outbox outbox;

    public Uni<CredentialView> issue(String workspaceId, String name, String actor) {
        return scope.transaction(workspaceId, () -> issueInTransaction(workspaceId, name, actor))
                .invoke(outbox::committed);
    }

    Uni<CredentialView> issueInTransaction(String workspaceId, String name, String actor) {
        String label = name == null || name.isBlank()
                ? "default"
                : Labels.check("name", name, 100, "a credential name");
        String secret = KeyFormat.MANAGEMENT.generate();
        ApiCredential credential = new ApiCredential();
        credential.id = "ac_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        credential.workspaceId = workspaceId;
        credential.name = label;
        credential.keyHash = KeyFormat.hash(secret);
        credential.displayPrefix = KeyFormat.MANAGEMENT.displayPrefix(secret);
        credential.createdAt = Instant.now();
        credential.createdBy = actor;
        return credentials.persist(credential)
                .call(() -> outbox.change(StateRecords.change(workspaceId, actor, "CREDENTIAL_ISSUED",
                        "API_CREDENTIAL", credential.id, null, summary(credential), 1, credential.createdAt)))
                .map(stored -> view(stored, secret));
    }

    public Uni<List<CredentialView>> list(String workspaceId) {
        return scope.transaction(workspaceId, () -> credentials.listAll(workspaceId))
                .map(all -> all.stream().map(credential -> view(credential, null)).toList());
    }

    public Uni<CredentialView> revoke(String workspaceId, String id, String actor) {
        return scope.transaction(workspaceId, () -> credentials.findInWorkspace(workspaceId, id)
                .onItem().ifNull().failWith(() -> new KeyNotFoundException("no API credential '" + id
                        + "' in workspace " + workspaceId))
                .call(credential -> {
                    if (credential.revokedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    String before = summary(credential);
                    credential.revokedAt = Instant.now();
                    return outbox.change(StateRecords.change(workspaceId, actor, "CREDENTIAL_REVOKED",
                            "API_CREDENTIAL", id, before, summary(credential), 2, credential.revokedAt));
                }))
                .invoke(outbox::committed)
                .map(credential -> view(credential, null));
    }

    private static String summary(ApiCredential credential) {
        return "{\"id\":\"" + credential.id + "\",\"name\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(credential.name) + ",\"prefix\":\""
                + credential.displayPrefix + "\",\"revoked\":" + (credential.revokedAt != null) + "}";
    }

    private static CredentialView view(ApiCredential credential, String secret) {
        return new CredentialView(credential.id, credential.workspaceId, credential.name, credential.displayPrefix,
                secret, credential.createdAt, credential.createdBy, credential.revokedAt);
    }
}
