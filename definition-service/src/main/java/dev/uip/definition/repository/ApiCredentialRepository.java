package dev.uip.definition.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Management API credentials of a workspace, and the one lookup that crosses workspaces: by hash. */
@ApplicationScoped
public class ApiCredentialRepository implements PanacheRepositoryBase<ApiCredential, String> {

    /** Who holds a credential: its id and workspace. */
    public record Holder(String credentialId, String workspaceId) {
    }

    public Uni<List<ApiCredential>> listAll(String workspaceId) {
        return list("workspaceId", Sort.by("createdAt").descending(), workspaceId);
    }

    public Uni<ApiCredential> findInWorkspace(String workspaceId, String id) {
        if (!RecordIds.plausible(id)) {
            return Uni.createFrom().nullItem();
        }
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResult();
    }

    /**
     * The live credential with this SHA-256, through the SECURITY DEFINER function of migration V4 (the workspace
     * is what we want to learn, so row-level security cannot be scoped yet); null when there is none.
     */
    public Uni<Holder> holderOf(String keyHash) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select credential_id, workspace_id from uip_credential_by_hash(:hash)",
                        Object[].class)
                .setParameter("hash", keyHash)
                .getResultList()))
                .map(rows -> rows.isEmpty() ? null : new Holder((String) rows.get(0)[0], (String) rows.get(0)[1]));
    }
}
