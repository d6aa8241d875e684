package dev.uip.definition.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.client.SchemaRegistry;
import dev.uip.definition.client.SchemaRegistry.Coordinates;
import dev.uip.definition.domain.AvroSchemaGenerator;
import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.CompatibilityChecker;
import dev.uip.definition.domain.DefinitionConflictException;
import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.DefinitionRules;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.IncompatibleChangeException;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.LifecycleConflictException;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.mapping.StateRecords;
import dev.uip.definition.repository.Constraints;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.DefinitionView;
import dev.uip.schemas.names.DefinitionKeys;

/**
 * Creates and changes event definitions. Each change: checks (pure), registers the schema when the result is active
 * and the schema changed (outside any transaction), then in one transaction updates the head, appends the version
 * and writes the outbox records.
 */
@ApplicationScoped
public class DefinitionService {

    @Inject
    WorkspaceScope scope;

    @Inject
    SchemaRegistry registry;

    @Inject
    DefinitionWriter writer;

    @Inject
    AutoRelease autoRelease;

    public Uni<DefinitionView> create(String workspaceId, String actor, DefinitionSpec proposed,
            LifecycleStatus status) {
        return create(workspaceId, actor, proposed, status, null);
    }

    /** @param release whether publishing a new version releases quarantined events (null: false) */
    public Uni<DefinitionView> create(String workspaceId, String actor, DefinitionSpec proposed,
            LifecycleStatus status, Boolean release) {
        DefinitionRules.check(proposed);
        DefinitionSpec spec = proposed.normalised();
        checkAutoRelease(spec.callType(), release);
        LifecycleStatus initial = status == null ? LifecycleStatus.ACTIVE : status;
        if (initial == LifecycleStatus.ARCHIVED) {
            throw new InvalidDefinitionException("status", "a new definition is draft or active");
        }
        // a virtual definition has no schema of its own: nothing is registered
        String schema = spec.virtual() ? "" : AvroSchemaGenerator.generate(workspaceId, spec);
        CallType callType = spec.callType();
        return scope.transaction(workspaceId, () -> writer.find(workspaceId, callType, spec.name()))
                .onItem().ifNotNull().failWith(() -> conflict(workspaceId, callType, spec.name()))
                .chain(() -> initial == LifecycleStatus.ACTIVE && !spec.virtual()
                        ? registry.register(group(workspaceId, callType), spec.name(), schema, false)
                                .map(Optional::of)
                        : Uni.createFrom().item(Optional.<Coordinates>empty()))
                .chain(registered -> writer.create(workspaceId, actor, spec, initial, Boolean.TRUE.equals(release),
                        schema,
                        registered.orElse(null)))
                .onFailure(DefinitionService::duplicateName)
                .transform(e -> conflict(workspaceId, callType, spec.name()));
    }

    /** @param release the new autoRelease setting; null leaves it as it is */
    public Uni<DefinitionView> update(String workspaceId, String actor, String name, DefinitionSpec proposed,
            boolean breaking, Boolean release) {
        if (!name.equals(proposed.name())) {
            throw new InvalidDefinitionException("name", "the name is the event's identity and cannot change;"
                    + " create a new definition and archive this one");
        }
        DefinitionRules.check(proposed);
        DefinitionSpec spec = proposed.normalised();
        CallType callType = spec.callType();
        checkAutoRelease(callType, release);
        String schema = spec.virtual() ? "" : AvroSchemaGenerator.generate(workspaceId, spec);
        return scope.transaction(workspaceId, () -> writer.head(workspaceId, callType, name).chain(head -> {
            if (head.status == LifecycleStatus.ARCHIVED) {
                throw archived(name);
            }
            if (head.kind != spec.kind()) {
                throw new InvalidDefinitionException("kind", "'" + name + "' is " + head.kind.apiName()
                        + "; the kind cannot change: create a new definition and archive this one");
            }
            if (head.status == LifecycleStatus.DRAFT || spec.virtual()) {
                return Uni.createFrom().item(new Plan(head.version, List.of(), false));
            }
            List<String> reasons = CompatibilityChecker.check(writer.spec(head).properties(), spec.properties());
            if (!reasons.isEmpty() && !breaking) {
                throw new IncompatibleChangeException(reasons);
            }
            return writer.publishedSchema(head).map(published -> new Plan(head.version, reasons,
                    !schema.equals(published)));
        })).chain(plan -> registerIf(plan.register(), group(workspaceId, callType), name, schema,
                !plan.reasons().isEmpty())
                .chain(registered -> writer.change(workspaceId, actor, callType, name, plan.version(), "UPDATED",
                        head -> {
                            writer.apply(spec, head);
                            if (release != null) {
                                head.autoRelease = release;
                            }
                            return head.status;
                        }, schema, registered, !plan.reasons().isEmpty())
                        .call(view -> autoRelease.afterPublish(view, registered != null))));
    }

    public Uni<DefinitionView> publish(String workspaceId, String actor, CallType callType, String name) {
        return scope.transaction(workspaceId, () -> writer.head(workspaceId, callType, name).map(head -> {
            if (head.status != LifecycleStatus.DRAFT) {
                throw new LifecycleConflictException("NOT_A_DRAFT", "'" + name + "' is " + head.status.apiName()
                        + "; only a draft can be published");
            }
            return head.kind == DefinitionKind.VIRTUAL
                    ? new Draft(head.version, null)
                    : new Draft(head.version, AvroSchemaGenerator.generate(workspaceId, writer.spec(head)));
        })).chain(draft -> (draft.schema() == null
                ? Uni.createFrom().<Coordinates>nullItem()
                : registry.register(group(workspaceId, callType), name, draft.schema(), false))
                .chain(registered -> writer.change(workspaceId, actor, callType, name, draft.version(), "PUBLISHED",
                        head -> LifecycleStatus.ACTIVE, draft.schema() == null ? "" : draft.schema(), registered,
                        false))
                .call(view -> autoRelease.afterPublish(view, true)));
    }

    public Uni<DefinitionView> archive(String workspaceId, String actor, CallType callType, String name) {
        return transition(workspaceId, actor, callType, name, "ARCHIVED", head -> {
            if (head.status == LifecycleStatus.ARCHIVED) {
                throw new LifecycleConflictException("ALREADY_ARCHIVED", "'" + name + "' is already archived");
            }
            return LifecycleStatus.ARCHIVED;
        });
    }

    public Uni<DefinitionView> restore(String workspaceId, String actor, CallType callType, String name) {
        return transition(workspaceId, actor, callType, name, "RESTORED", head -> {
            if (head.status != LifecycleStatus.ARCHIVED) {
                throw new LifecycleConflictException("NOT_ARCHIVED", "'" + name + "' is not archived");
            }
            return head.publishedVersion == null ? LifecycleStatus.DRAFT : LifecycleStatus.ACTIVE;
        });
    }

    private Uni<DefinitionView> transition(String workspaceId, String actor, CallType callType, String name,
            String action, DefinitionWriter.Mutation mutation) {
        return scope.transaction(workspaceId, () -> writer.head(workspaceId, callType, name).map(head -> head.version))
                .chain(version -> writer.change(workspaceId, actor, callType, name, version, action, mutation, null,
                        null, false));
    }

    /** The registry group of a call type's schemas (see {@link DefinitionKeys#registryGroup}). */
    private static String group(String workspaceId, CallType callType) {
        return DefinitionKeys.registryGroup(workspaceId, StateRecords.callType(callType));
    }

    // Auto-release finds quarantined events by event name, which only track events have.
    private static void checkAutoRelease(CallType callType, Boolean release) {
        if (Boolean.TRUE.equals(release) && callType != CallType.TRACK) {
            throw new InvalidDefinitionException("autoRelease", "autoRelease is for track definitions only");
        }
    }

    private Uni<Coordinates> registerIf(boolean register, String workspaceId, String name, String schema,
            boolean breaking) {
        return register ? registry.register(workspaceId, name, schema, breaking) : Uni.createFrom().nullItem();
    }

    private static DefinitionConflictException conflict(String workspaceId, CallType callType, String name) {
        return new DefinitionConflictException(callType == CallType.TRACK
                ? "an event named '" + name + "' already exists in workspace " + workspaceId
                : "a " + callType.apiName() + " definition named '" + name + "' already exists in workspace "
                        + workspaceId);
    }

    private static LifecycleConflictException archived(String name) {
        return new LifecycleConflictException("ARCHIVED", "'" + name + "' is archived; restore it before changing it");
    }

    private record Plan(int version, List<String> reasons, boolean register) {
    }

    private record Draft(int version, String schema) {
    }

    private static boolean duplicateName(Throwable failure) {
        return Constraints.violated(failure, Constraints.DEFINITION_NAME);
    }
}
