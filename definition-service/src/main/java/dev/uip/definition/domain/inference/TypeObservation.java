package dev.uip.definition.domain.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Everything seen at one property path (or array-item path) across all samples of one event. */
final class TypeObservation {

    private final String path;
    private final Map<ValueKind, Tally> kinds = new LinkedHashMap<>();
    private final Map<ValueKind.Family, Tally> families = new LinkedHashMap<>();
    private final Tally nulls = new Tally();
    private final List<JsonNode> examples = new ArrayList<>(Tally.MAX_EXAMPLES);
    private ObjectShape object;
    private TypeObservation items;
    private boolean truncated;

    TypeObservation(String path) {
        this.path = path;
    }

    void addNull(int sample, JsonNode value) {
        nulls.add(sample, value);
    }

    void add(int sample, ValueKind kind, JsonNode value) {
        kinds.computeIfAbsent(kind, k -> new Tally()).add(sample, value);
        families.computeIfAbsent(kind.family(), f -> new Tally()).add(sample, value);
        if (!value.isContainerNode() && examples.size() < Tally.MAX_EXAMPLES) {
            JsonNode example = Examples.shorten(value);
            if (!examples.contains(example)) {
                examples.add(example);
            }
        }
    }

    /** The shape of the object values seen here, created on first use. */
    ObjectShape object() {
        if (object == null) {
            object = new ObjectShape(path);
        }
        return object;
    }

    /** What the elements of the array values seen here are, created on first use. */
    TypeObservation items() {
        if (items == null) {
            items = new TypeObservation(path + "[]");
        }
        return items;
    }

    void markTruncated() {
        truncated = true;
    }

    String path() {
        return path;
    }

    /** The path without the leading "properties.", as people name a property. */
    String displayName() {
        return path.startsWith("properties.") ? path.substring("properties.".length()) : path;
    }

    Map<ValueKind, Tally> kinds() {
        return kinds;
    }

    Map<ValueKind.Family, Tally> families() {
        return families;
    }

    boolean has(ValueKind kind) {
        return kinds.containsKey(kind);
    }

    Tally tally(ValueKind kind) {
        return kinds.get(kind);
    }

    /** How many non-null values were seen; for a property, the number of enclosing objects that had it. */
    int nonNullValues() {
        return families.values().stream().mapToInt(Tally::values).sum();
    }

    Tally nulls() {
        return nulls;
    }

    List<JsonNode> examples() {
        return List.copyOf(examples);
    }

    boolean hasObject() {
        return object != null;
    }

    boolean hasItems() {
        return items != null;
    }

    boolean truncated() {
        return truncated;
    }
}
