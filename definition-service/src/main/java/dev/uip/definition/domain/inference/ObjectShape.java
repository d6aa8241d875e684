package dev.uip.definition.domain.inference;

import java.util.LinkedHashMap;
import java.util.Map;

/** The properties seen in every occurrence of one object (an event's properties or a nested object). */
final class ObjectShape {

    private final String path;
    private final Map<String, TypeObservation> properties = new LinkedHashMap<>();
    private int occurrences;

    ObjectShape(String path) {
        this.path = path;
    }

    void countOccurrence() {
        occurrences++;
    }

    /** How many objects were seen here: the denominator for "required". */
    int occurrences() {
        return occurrences;
    }

    boolean has(String name) {
        return properties.containsKey(name);
    }

    TypeObservation property(String name) {
        return properties.computeIfAbsent(name, n -> new TypeObservation(path + "." + n));
    }

    /** The properties in order of first appearance. */
    Map<String, TypeObservation> properties() {
        return properties;
    }
}
