package dev.uip.definition.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import dev.uip.definition.domain.DefinitionConflictException;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.inference.Conflict;
import dev.uip.definition.domain.inference.InferenceResult;
import dev.uip.definition.domain.inference.ProposedDefinition;

/**
 * Stores inferred proposals as draft definitions through {@link DefinitionService#create}, one at a time, so that
 * each gets its first version, its workspace's row-level security and its change event like any other draft.
 */
@ApplicationScoped
public class InferredDrafts {

    @Inject
    DefinitionService definitions;

    /** Saves every proposal without type conflicts; reports for each whether it was saved and, if not, why. */
    public Uni<InferenceResult> save(String workspaceId, String actor, InferenceResult result) {
        Map<String, List<String>> conflicts = new LinkedHashMap<>();
        for (Conflict conflict : result.conflicts()) {
            conflicts.computeIfAbsent(conflict.event(), e -> new ArrayList<>()).add(conflict.path());
        }
        // One after the other: each create is its own transaction, and a failure stays with its proposal.
        return Multi.createFrom().iterable(result.definitions())
                .onItem().transformToUniAndConcatenate(proposal -> conflicts.containsKey(proposal.name())
                        ? Uni.createFrom().item(proposal.notSaved(conflicted(conflicts.get(proposal.name()))))
                        : saveOne(workspaceId, actor, proposal))
                .collect().asList()
                .map(result::withDefinitions);
    }

    private Uni<ProposedDefinition> saveOne(String workspaceId, String actor, ProposedDefinition proposal) {
        return Uni.createFrom()
                .deferred(() -> definitions.create(workspaceId, actor, proposal.spec(), LifecycleStatus.DRAFT))
                .map(created -> proposal.savedAsDraft())
                .onFailure(InvalidDefinitionException.class).recoverWithItem(e -> proposal.notSaved(
                        "not a valid definition yet: " + ((InvalidDefinitionException) e).field() + ": "
                                + e.getMessage() + " (see notes)"))
                .onFailure(DefinitionConflictException.class).recoverWithItem(e -> proposal.notSaved(
                        e.getMessage() + "; change that definition instead, or rename this event"));
    }

    private static String conflicted(List<String> paths) {
        return "its samples disagree on the type of " + String.join(", ", paths)
                + " (see conflicts); resolve " + (paths.size() == 1 ? "it" : "them") + " first";
    }
}
