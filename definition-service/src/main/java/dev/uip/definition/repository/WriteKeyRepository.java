package dev.uip.definition.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Write keys, always within one workspace. */
@ApplicationScoped
public class WriteKeyRepository implements PanacheRepositoryBase<WriteKey, String> {

    public Uni<WriteKey> findInWorkspace(String workspaceId, String id) {
        if (!RecordIds.plausible(id)) {
            return Uni.createFrom().nullItem();
        }
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResult();
    }

    public Uni<List<WriteKey>> listAll(String workspaceId) {
        return list("workspaceId", Sort.by("createdAt").descending(), workspaceId);
    }
}
