package dev.uip.definition.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.AlertRuleChecks;
import dev.uip.definition.domain.AlertRuleSettings;
import dev.uip.definition.domain.LifecycleConflictException;
import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.domain.RuleNotFoundException;
import dev.uip.definition.mapping.AlertRuleMapper;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.messaging.Outbox;
import dev.uip.definition.repository.AlertRule;
import dev.uip.definition.repository.AlertRuleRepository;
import dev.uip.definition.repository.AlertRuleVersion;
import dev.uip.definition.repository.AlertRuleVersionRepository;
import dev.uip.definition.repository.Constraints;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.AlertRuleView;

/**
 * Every change of an alert rule, each in one transaction: the rule's row (locked), a new immutable version, and the
 * outbox records (DefinitionChanged ALERT_RULE on definition-changes, AlertRuleState on alert-rules).
 */
@ApplicationScoped
public class AlertRuleWriter {

    /** Any version, as long as the rule exists (If-Match: *). */
    public static final int ANY_VERSION = -1;
    /** Only if no rule is in effect: a create. */
    public static final int NO_VERSION = 0;

    static final String ENTITY_TYPE = "ALERT_RULE";

    /** The rule after a write, and whether the write created it (there was none in effect before). */
    public record Written(AlertRuleView rule, boolean created) {
    }

    @Inject
    WorkspaceScope scope;

    @Inject
    AlertRuleRepository rules;

    @Inject
    AlertRuleVersionRepository versions;

    @Inject
    WorkspaceService workspaces;

    @Inject
    AlertRuleMapper mapper;

    @Inject
    Outbox outbox;

    /**
     * Creates the rule of {@code key} or changes it as a new version. {@code expectedVersion}: null for no check,
     * {@link #NO_VERSION}, {@link #ANY_VERSION} or the version the caller read.
     */
    public Uni<Written> put(String workspaceId, String actor, RuleKey key, AlertRuleSettings given,
            Integer expectedVersion) {
        AlertRuleSettings settings = AlertRuleChecks.check(key.kind(), given);
        return scope.transaction(workspaceId, () -> rules.findByKeyForUpdate(workspaceId, key).chain(rule -> {
            expect(key, rule, expectedVersion);
            boolean created = rule == null || rule.deleted;
            String before = created ? null : mapper.viewJson(rule);
            Instant now = Instant.now();
            Uni<AlertRule> row;
            if (rule == null) {
                AlertRule fresh = new AlertRule();
                fresh.workspaceId = workspaceId;
                fresh.callType = key.callType();
                fresh.event = key.event();
                fresh.kind = key.kind();
                fresh.version = 0;
                row = workspaces.ensure(workspaceId, actor).replaceWith(fresh);
            } else {
                row = Uni.createFrom().item(rule);
            }
            return row.chain(target -> {
                mapper.apply(settings, target);
                if (created) {
                    target.createdAt = now;
                }
                target.deleted = false;
                return save(target, key, actor, now, created ? "CREATED" : "UPDATED", before)
                        .map(saved -> new Written(mapper.view(saved), created));
            });
        }))
                // Two first writes of one key both found no row to lock and the later insert clashed: once more, it
                // finds the winner's row, locks it and is judged against it (If-Match included).
                .onFailure(failure -> Constraints.violated(failure, Constraints.ALERT_RULE_IDENTITY)).retry()
                .atMost(1)
                .onFailure(AlertRuleWriter::concurrent).transform(failure -> concurrentChange(key))
                .invoke(outbox::committed);
    }

    /** Marks the rule deleted as a new version; its default applies again. */
    public Uni<AlertRuleView> delete(String workspaceId, String actor, RuleKey key, Integer expectedVersion) {
        return scope.transaction(workspaceId, () -> rules.findByKeyForUpdate(workspaceId, key).chain(rule -> {
            if (rule == null || rule.deleted) {
                throw notInEffect(workspaceId, key, rule);
            }
            expect(key, rule, expectedVersion);
            String before = mapper.viewJson(rule);
            rule.deleted = true;
            return save(rule, key, actor, Instant.now(), "DELETED", before).map(mapper::view);
        })).onFailure(AlertRuleWriter::concurrent).transform(failure -> concurrentChange(key))
                .invoke(outbox::committed);
    }

    private Uni<AlertRule> save(AlertRule rule, RuleKey key, String actor, Instant now, String action,
            String before) {
        rule.version = rule.version + 1;
        rule.updatedAt = now;
        rule.updatedBy = actor;
        Uni<AlertRule> stored = rule.id == null ? rules.persist(rule) : Uni.createFrom().item(rule);
        return stored.call(saved -> append(saved, action))
                .call(saved -> outbox.change(StateRecords.change(saved.workspaceId, actor, action, ENTITY_TYPE,
                        key.id(), before, mapper.viewJson(saved), saved.version, now)))
                .call(saved -> outbox.alertRuleState(saved, key));
    }

    private Uni<AlertRuleVersion> append(AlertRule rule, String action) {
        AlertRuleVersion version = new AlertRuleVersion();
        version.workspaceId = rule.workspaceId;
        version.ruleId = rule.id;
        version.version = rule.version;
        version.action = action;
        version.deleted = rule.deleted;
        version.ruleJson = mapper.viewJson(rule);
        version.createdBy = rule.updatedBy;
        version.createdAt = rule.updatedAt;
        return versions.persist(version);
    }

    private static void expect(RuleKey key, AlertRule rule, Integer expected) {
        if (expected == null) {
            return;
        }
        boolean inEffect = rule != null && !rule.deleted;
        boolean matches = switch (expected) {
            case NO_VERSION -> !inEffect;
            case ANY_VERSION -> inEffect;
            default -> inEffect && rule.version == expected;
        };
        if (!matches) {
            String now = inEffect ? "is at version " + rule.version : "does not exist";
            String wanted = switch (expected) {
                case NO_VERSION -> "none";
                case ANY_VERSION -> "any version";
                default -> "version " + expected;
            };
            throw new LifecycleConflictException("VERSION_MISMATCH", "the " + key.describe() + " " + now
                    + " (expected " + wanted + "); read it again and retry");
        }
    }

    static RuleNotFoundException notInEffect(String workspaceId, RuleKey key, AlertRule rule) {
        return new RuleNotFoundException(rule == null
                ? "no " + key.describe() + " is stored in workspace " + workspaceId + "; the default applies"
                : "the " + key.describe() + " of workspace " + workspaceId + " was deleted (version " + rule.version
                        + "); the default applies");
    }

    private static boolean concurrent(Throwable failure) {
        return Constraints.violated(failure, Constraints.ALERT_RULE_IDENTITY)
                || Constraints.violated(failure, Constraints.ALERT_RULE_VERSION_KEY);
    }

    private static LifecycleConflictException concurrentChange(RuleKey key) {
        return new LifecycleConflictException("CONCURRENT_CHANGE", "the " + key.describe()
                + " changed meanwhile; read it again and retry");
    }
}
