package dev.uip.definition.suggestion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.definition.config.SuggestionConfig;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.inference.Conflict;
import dev.uip.definition.domain.inference.ProposedDefinition;
import dev.uip.definition.repository.WorkspaceScope;
import dev.uip.definition.rest.DefinitionView;
import dev.uip.definition.service.DefinitionService;
import dev.uip.definition.suggestion.domain.AdoptChoices;
import dev.uip.definition.suggestion.domain.Suggestion;
import dev.uip.definition.suggestion.domain.SuggestionConflictException;
import dev.uip.definition.suggestion.domain.TypeOverrides;
import dev.uip.definition.suggestion.repository.SuggestionQueries;

/**
 * Adopts a suggestion: its proposal, with the person's choices, becomes a DRAFT definition through
 * {@link DefinitionService#create} (the same path as every draft), after which the event is no longer suggested.
 */
@ApplicationScoped
public class SuggestionAdoption {

    /** The new draft, the proposal it was made from, and the event's quarantined UNKNOWN_EVENT events. */
    public record Adopted(DefinitionView definition, ProposedDefinition proposal, long quarantined) {
    }

    @Inject
    WorkspaceScope scope;

    @Inject
    SuggestionQueries queries;

    @Inject
    Suggestions suggestions;

    @Inject
    DefinitionService definitions;

    @Inject
    SuggestionConfig config;

    Clock clock = Clock.systemUTC();

    public Uni<Adopted> adopt(String workspaceId, String actor, String event, AdoptChoices choices) {
        Instant now = clock.instant();
        return scope.sql(workspaceId, connection -> queries.defined(connection, workspaceId, event)
                .chain(defined -> {
                    if (defined) {
                        return Uni.createFrom().failure(new SuggestionConflictException(
                                SuggestionConflictException.DEFINITION_EXISTS, "a definition named '" + event
                                        + "' exists already; change it with PUT /v1/definitions/{name}",
                                null));
                    }
                    return queries.one(connection, workspaceId, event, now, config.maxAge());
                })
                .onItem().ifNull().failWith(() -> Suggestions.notFound(event))
                // inferred on the event loop: one event's samples only, and create() needs the Vert.x context
                .chain(found -> suggestions.suggest(connection, workspaceId, found, now, 0)))
                .map(suggestion -> proposal(suggestion, choices))
                .chain(proposal -> definitions.create(workspaceId, actor, spec(proposal, choices),
                        LifecycleStatus.DRAFT, choices.autoRelease())
                        .chain(view -> scope.sql(workspaceId, connection -> queries.quarantined(connection,
                                workspaceId, event)).map(quarantined -> new Adopted(view, proposal, quarantined))));
    }

    /** The proposal with the chosen types; refused while a conflict has no chosen type. */
    static ProposedDefinition proposal(Suggestion suggestion, AdoptChoices choices) {
        if (suggestion.proposal() == null) {
            throw new SuggestionConflictException(SuggestionConflictException.NO_SAMPLES, "no usable sample of '"
                    + suggestion.event().event() + "' is kept yet, so nothing can be proposed; wait for traffic or"
                    + " create the definition with POST /v1/definitions", null);
        }
        Map<String, String> types = choices.types() == null ? Map.of() : choices.types();
        ProposedDefinition chosen = TypeOverrides.apply(suggestion.proposal(), types);
        List<Conflict> open = suggestion.conflicts().stream().filter(c -> !types.containsKey(c.path())).toList();
        if (!open.isEmpty()) {
            throw new SuggestionConflictException(SuggestionConflictException.SAMPLES_CONFLICT, "the samples of '"
                    + suggestion.event().event() + "' disagree on " + open.size() + " type(s); choose each in"
                    + " 'types', e.g. {\"types\": {\"" + open.get(0).path() + "\": \"" + open.get(0).types().get(0)
                            .type()
                    + "\"}}", open.stream().map(c -> c.path() + ": " + c.message()).toList());
        }
        return chosen;
    }

    private static DefinitionSpec spec(ProposedDefinition proposal, AdoptChoices choices) {
        DefinitionSpec inferred = proposal.spec();
        return new DefinitionSpec(inferred.name(), inferred.displayName(),
                choices.description() == null ? inferred.description() : choices.description(),
                choices.ownerTeam() == null ? inferred.ownerTeam() : choices.ownerTeam(), inferred.keyEvent(),
                inferred.criticality(), inferred.tags(), inferred.enforcement(), inferred.properties());
    }
}
