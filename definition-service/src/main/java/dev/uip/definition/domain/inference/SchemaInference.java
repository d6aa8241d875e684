package dev.uip.definition.domain.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Proposes draft definitions from sample Segment track messages: every property's type is inferred from all
 * samples, and samples that disagree are reported as conflicts, never settled by a guess.
 */
public final class SchemaInference {

    /** Messages per request, skipped ones included. */
    public static final int MAX_SAMPLES = 1000;
    /** Distinct property paths per event, nested ones included. */
    public static final int MAX_PROPERTIES_PER_EVENT = 200;
    /** Levels of objects and arrays below an event's properties whose structure is inferred. */
    public static final int MAX_DEPTH = 5;

    private final int maxSamples;
    private final int maxProperties;
    private final int maxDepth;

    public SchemaInference() {
        this(MAX_SAMPLES, MAX_PROPERTIES_PER_EVENT, MAX_DEPTH);
    }

    SchemaInference(int maxSamples, int maxProperties, int maxDepth) {
        this.maxSamples = maxSamples;
        this.maxProperties = maxProperties;
        this.maxDepth = maxDepth;
    }

    /**
     * Infers from a request body: an array of messages, a Segment batch body {@code {"batch": [...]}} or
     * {@code {"samples": [...]}}.
     *
     * @throws InvalidSamplesException for any other shape, no messages or more than the limits allow
     */
    public InferenceResult infer(JsonNode body) {
        SampleReader.Read read = new SampleReader(maxSamples).read(body);
        Map<String, PathWalker> events = new LinkedHashMap<>();
        for (Sample sample : read.samples()) {
            events.computeIfAbsent(sample.event(), e -> new PathWalker(maxDepth, maxProperties)).add(sample);
        }
        List<ProposedDefinition> definitions = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, PathWalker> event : events.entrySet()) {
            ProposalBuilder builder = new ProposalBuilder(event.getKey(), maxDepth);
            definitions.add(builder.build(event.getValue().root()));
            conflicts.addAll(builder.conflicts());
        }
        int received = read.samples().size() + read.skipped().count();
        return new InferenceResult(received, List.copyOf(definitions), List.copyOf(conflicts), read.skipped());
    }

    /** Infers from a list of messages; an element may itself be a Segment batch body. */
    public InferenceResult infer(List<? extends JsonNode> messages) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        messages.forEach(array::add);
        return infer(array);
    }
}
