package dev.uip.definition.suggestion.domain;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.uip.definition.domain.inference.InferenceResult;
import dev.uip.definition.domain.inference.ProposedDefinition;
import dev.uip.definition.domain.inference.SchemaInference;

/**
 * Infers an unplanned event's proposal from its kept samples with the same inference as
 * {@code POST /v1/definitions/infer}; a payload that is not JSON is left out.
 */
public final class SampleInference {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaInference INFERENCE = new SchemaInference();

    private SampleInference() {
    }

    /** The suggestion for {@code event} from {@code samples} (at most {@link SchemaInference#MAX_SAMPLES}). */
    public static Suggestion suggest(UnplannedEvent event, List<UnplannedSample> samples, int recent) {
        List<JsonNode> messages = new ArrayList<>();
        for (UnplannedSample sample : samples.subList(0, Math.min(samples.size(), SchemaInference.MAX_SAMPLES))) {
            try {
                messages.add(JSON.readTree(sample.payload()));
            } catch (JsonProcessingException e) {
                // not JSON: nothing to infer from; the edge only stores JSON, so this is a damaged row
            }
        }
        List<UnplannedSample> newest = samples.subList(0, Math.min(samples.size(), recent));
        if (messages.isEmpty()) {
            return new Suggestion(event, 0, null, List.of(), newest);
        }
        InferenceResult result = INFERENCE.infer(messages);
        ProposedDefinition proposal = result.definitions().stream().filter(d -> d.name().equals(event.event()))
                .findFirst().orElse(null);
        if (proposal == null) {
            return new Suggestion(event, 0, null, List.of(), newest);
        }
        return new Suggestion(event, proposal.samples(), proposal,
                result.conflicts().stream().filter(c -> c.event().equals(event.event())).toList(), newest);
    }
}
