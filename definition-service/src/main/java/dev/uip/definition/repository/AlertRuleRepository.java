package dev.uip.definition.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.RuleCallType;
import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.domain.RuleKind;

/** Queries over alert rules; always run inside a {@link WorkspaceScope} transaction and filtered by workspace. */
@ApplicationScoped
public class AlertRuleRepository implements PanacheRepository<AlertRule> {

    /** Filters of the list; null means any. Deleted rules are never listed. */
    public record Filter(String event, RuleKind kind, RuleCallType callType, Boolean enabled) {
    }

    /** One page and the number of all matches. */
    public record Found(List<AlertRule> items, long total) {
    }

    /** The rule of {@code key}, deleted or not, or null. */
    public Uni<AlertRule> findByKey(String workspaceId, RuleKey key) {
        return byKey(workspaceId, key).firstResult();
    }

    /** The rule of {@code key}, locked until the transaction ends, or null. */
    public Uni<AlertRule> findByKeyForUpdate(String workspaceId, RuleKey key) {
        return byKey(workspaceId, key).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Found> search(String workspaceId, Filter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("workspaceId = :workspace", "deleted = false"));
        Parameters parameters = Parameters.with("workspace", workspaceId);
        if (filter.event() != null) {
            where.add("event = :event");
            parameters.and("event", filter.event());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.callType() != null) {
            where.add("callType = :callType");
            parameters.and("callType", filter.callType());
        }
        if (filter.enabled() != null) {
            where.add("enabled = :enabled");
            parameters.and("enabled", filter.enabled());
        }
        var query = find(String.join(" and ", where), Sort.by("event").and("callType").and("kind").and("id"),
                parameters);
        return query.page(Page.of(page, size)).list()
                .chain(items -> query.count().map(total -> new Found(items, total)));
    }

    private io.quarkus.hibernate.reactive.panache.PanacheQuery<AlertRule> byKey(String workspaceId, RuleKey key) {
        return find("workspaceId = ?1 and callType = ?2 and event = ?3 and kind = ?4", workspaceId, key.callType(),
                key.event(), key.kind());
    }
}
