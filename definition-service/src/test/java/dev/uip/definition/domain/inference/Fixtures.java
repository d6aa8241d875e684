package dev.uip.definition.domain.inference;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds sample bodies and finds things in inference results. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A track message as JSON text. */
    static String track(String event, String properties) {
        return "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"u-1\",\"properties\":" + properties + "}";
    }

    /** An array of messages. */
    static JsonNode list(String... messages) {
        return json(Arrays.stream(messages).collect(Collectors.joining(",", "[", "]")));
    }

    /** Infers from tracks of one event, one per properties object. */
    static InferenceResult inferEvent(String... properties) {
        return new SchemaInference().infer(list(Arrays.stream(properties).map(p -> track("E", p))
                .toArray(String[]::new)));
    }

    static ProposedDefinition only(InferenceResult result) {
        if (result.definitions().size() != 1) {
            throw new AssertionError("expected one definition: " + result.definitions());
        }
        return result.definitions().get(0);
    }

    static ProposedProperty property(ProposedDefinition definition, String name) {
        return property(definition.properties(), name);
    }

    static ProposedProperty property(java.util.List<ProposedProperty> properties, String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no property " + name + " in " + properties));
    }

    static Conflict conflictAt(InferenceResult result, String path) {
        return result.conflicts().stream().filter(c -> c.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no conflict at " + path + " in " + result.conflicts()));
    }

    static Note noteAt(ProposedDefinition definition, String path) {
        return definition.notes().stream().filter(n -> n.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no note at " + path + " in " + definition.notes()));
    }
}
