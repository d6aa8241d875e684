package dev.uip.definition.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Versions of alert rules: appended, never changed. */
@ApplicationScoped
public class AlertRuleVersionRepository implements PanacheRepositoryBase<AlertRuleVersion, AlertRuleVersion.Key> {

    /** One page of a rule's versions, oldest first, and how many there are. */
    public record Found(List<AlertRuleVersion> items, long total) {
    }

    public Uni<Found> page(String workspaceId, long ruleId, int page, int size) {
        var query = find("workspaceId = ?1 and ruleId = ?2", Sort.by("version"), workspaceId, ruleId);
        return query.page(Page.of(page, size)).list()
                .chain(items -> query.count().map(total -> new Found(items, total)));
    }
}
