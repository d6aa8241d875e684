package dev.uip.definition.domain.inference;

import java.util.List;

/**
 * What a set of sample events suggests.
 *
 * @param received how many messages were submitted
 * @param definitions one draft per event name, in order of first appearance
 * @param conflicts every property whose samples disagree on its type, over all definitions
 * @param skipped the messages not inferred from
 */
public record InferenceResult(int received, List<ProposedDefinition> definitions, List<Conflict> conflicts,
        SkippedMessages skipped) {

    /** The same result with other definitions, e.g. each with the outcome of saving it. */
    public InferenceResult withDefinitions(List<ProposedDefinition> changed) {
        return new InferenceResult(received, List.copyOf(changed), conflicts, skipped);
    }
}
