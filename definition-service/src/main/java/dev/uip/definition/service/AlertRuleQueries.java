package dev.uip.definition.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.mapping.AlertRuleMapper;
import dev.uip.definition.repository.AlertRuleRepository;
import dev.uip.definition.repository.AlertRuleVersionRepository;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.AlertRuleVersionView;
import dev.uip.definition.rest.AlertRuleView;
import dev.uip.definition.rest.PageView;

/** Reads stored alert rules and their versions, always within one workspace. */
@ApplicationScoped
public class AlertRuleQueries {

    @Inject
    WorkspaceScope scope;

    @Inject
    AlertRuleRepository rules;

    @Inject
    AlertRuleVersionRepository versions;

    @Inject
    AlertRuleMapper mapper;

    /** The rule in effect; a 404 when none is stored or it was deleted. */
    public Uni<AlertRuleView> get(String workspaceId, RuleKey key) {
        return scope.transaction(workspaceId, () -> rules.findByKey(workspaceId, key)).map(rule -> {
            if (rule == null || rule.deleted) {
                throw AlertRuleWriter.notInEffect(workspaceId, key, rule);
            }
            return mapper.view(rule);
        });
    }

    public Uni<PageView<AlertRuleView>> list(String workspaceId, AlertRuleRepository.Filter filter, int page,
            int size) {
        return scope.transaction(workspaceId, () -> rules.search(workspaceId, filter, page, size))
                .map(found -> new PageView<>(found.items().stream().map(mapper::view).toList(), page, size,
                        found.total()));
    }

    /** The history of a rule, deleted ones included; a 404 only when it was never stored. */
    public Uni<PageView<AlertRuleVersionView>> versions(String workspaceId, RuleKey key, int page, int size) {
        return scope.transaction(workspaceId, () -> rules.findByKey(workspaceId, key).chain(rule -> {
            if (rule == null) {
                throw AlertRuleWriter.notInEffect(workspaceId, key, null);
            }
            return versions.page(workspaceId, rule.id, page, size);
        })).map(found -> new PageView<>(found.items().stream().map(mapper::view).toList(), page, size,
                found.total()));
    }
}
