package dev.uip.definition.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.DefinitionRules;
import dev.uip.definition.domain.LifecycleStatus;

/** Queries over event definitions; always run inside a {@link WorkspaceScope} transaction and filtered by workspace. */
@ApplicationScoped
public class EventDefinitionRepository implements PanacheRepository<EventDefinition> {

    /** Filters of the list; null means any. */
    public record Filter(String ownerTeam, Boolean keyEvent, LifecycleStatus status, String tag, String text,
            CallType callType) {

        public Filter(String ownerTeam, Boolean keyEvent, LifecycleStatus status, String tag, String text) {
            this(ownerTeam, keyEvent, status, tag, text, null);
        }
    }

    /** One page and the number of all matches. */
    public record Found(List<EventDefinition> items, long total) {
    }

    /** The head, or null; also null, without a query, for a name that no definition can have (e.g. with NUL). */
    public Uni<EventDefinition> findByName(String workspaceId, CallType callType, String name) {
        if (!searchable(name)) {
            return Uni.createFrom().nullItem();
        }
        return find("workspaceId = ?1 and callType = ?2 and name = ?3", workspaceId, callType, name).firstResult();
    }

    /**
     * The head, locked until the transaction ends: a concurrent change of the same definition waits here and then
     * sees the version this one wrote.
     */
    public Uni<EventDefinition> findByNameForUpdate(String workspaceId, CallType callType, String name) {
        if (!searchable(name)) {
            return Uni.createFrom().nullItem();
        }
        return find("workspaceId = ?1 and callType = ?2 and name = ?3", workspaceId, callType, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Found> search(String workspaceId, Filter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("workspaceId = :workspace"));
        Parameters parameters = Parameters.with("workspace", workspaceId);
        if (filter.ownerTeam() != null) {
            where.add("ownerTeam = :owner");
            parameters.and("owner", filter.ownerTeam());
        }
        if (filter.keyEvent() != null) {
            where.add("keyEvent = :keyEvent");
            parameters.and("keyEvent", filter.keyEvent());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.callType() != null) {
            where.add("callType = :callType");
            parameters.and("callType", filter.callType());
        }
        if (filter.tag() != null) {
            where.add("array_contains(tags, :tag)");
            parameters.and("tag", filter.tag());
        }
        if (filter.text() != null) {
            where.add("(lower(name) like :text or lower(coalesce(displayName, '')) like :text"
                    + " or lower(coalesce(description, '')) like :text)");
            parameters.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        var query = find(String.join(" and ", where), Sort.by("name"), parameters);
        return query.page(Page.of(page, size)).list()
                .chain(items -> query.count().map(total -> new Found(items, total)));
    }

    // PostgreSQL text cannot hold NUL, and no name was ever longer than the rule allows.
    private static boolean searchable(String name) {
        return name != null && !name.isEmpty() && name.length() <= DefinitionRules.MAX_NAME_LENGTH
                && name.indexOf('\u0000') < 0;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
