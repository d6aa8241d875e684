package dev.uip.definition.domain.inference;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Walks the properties of one event's samples into observations, path by path, with depth and size limits. */
final class PathWalker {

    private final ObjectShape root = new ObjectShape("properties");
    private final int maxDepth;
    private final int maxProperties;
    private int distinctProperties;

    PathWalker(int maxDepth, int maxProperties) {
        this.maxDepth = maxDepth;
        this.maxProperties = maxProperties;
    }

    /** Adds one sample's properties. */
    void add(Sample sample) {
        walkObject(root, sample.properties(), 1, sample);
    }

    /** The event's properties as observed so far. */
    ObjectShape root() {
        return root;
    }

    /** Walks the fields of an object whose values sit at the given depth (an event's properties are depth 1). */
    private void walkObject(ObjectShape shape, ObjectNode node, int depth, Sample sample) {
        shape.countOccurrence();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!shape.has(field.getKey()) && ++distinctProperties > maxProperties) {
                throw new InvalidSamplesException(InvalidSamplesException.TOO_MANY_PROPERTIES,
                        sample.field() + ".properties", "event '" + sample.event() + "' has more than "
                                + maxProperties + " distinct properties (nested ones included); "
                                + "infer from fewer or more uniform samples");
            }
            walkValue(shape.property(field.getKey()), field.getValue(), depth, sample);
        }
    }

    private void walkValue(TypeObservation observation, JsonNode value, int depth, Sample sample) {
        if (value.isNull()) {
            observation.addNull(sample.index(), value);
            return;
        }
        ValueKind kind = ValueKind.of(value);
        observation.add(sample.index(), kind, value);
        if (kind != ValueKind.OBJECT && kind != ValueKind.ARRAY) {
            return;
        }
        // Beyond the depth limit a container keeps its type but not its inner structure.
        if (depth >= maxDepth) {
            observation.markTruncated();
            return;
        }
        if (kind == ValueKind.OBJECT) {
            walkObject(observation.object(), (ObjectNode) value, depth + 1, sample);
        } else {
            TypeObservation items = observation.items();
            for (JsonNode element : value) {
                walkValue(items, element, depth + 1, sample);
            }
        }
    }
}
