package dev.uip.definition.suggestion.domain;

import java.util.List;

import dev.uip.definition.domain.inference.Conflict;
import dev.uip.definition.domain.inference.ProposedDefinition;

/**
 * An unplanned event and the definition its recent samples suggest.
 *
 * @param event the event and its volumes
 * @param samples how many samples the proposal was inferred from
 * @param proposal the inferred draft, or null without usable samples
 * @param conflicts where the samples disagree on a type
 * @param recent the newest samples, when asked for
 */
public record Suggestion(UnplannedEvent event, int samples, ProposedDefinition proposal, List<Conflict> conflicts,
        List<UnplannedSample> recent) {

    /** Whether adopting needs no choice from a person: there is a proposal and no conflict. */
    public boolean adoptable() {
        return proposal != null && conflicts.isEmpty();
    }
}
