package dev.uip.definition.domain.inference;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Counts the values of one kind (or family) seen at one path: how many, in how many samples, the first few. */
final class Tally {

    static final int MAX_EXAMPLES = 3;

    private int values;
    private int samples;
    private int lastSample = -1;
    private final List<Conflict.Example> examples = new ArrayList<>(MAX_EXAMPLES);

    /** Samples arrive in order, so a sample is new exactly when its index differs from the last one. */
    void add(int sample, JsonNode value) {
        values++;
        if (sample != lastSample) {
            samples++;
            lastSample = sample;
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(new Conflict.Example(sample, Examples.shorten(value)));
            }
        }
    }

    int values() {
        return values;
    }

    int samples() {
        return samples;
    }

    /** Up to three examples, each from a different sample. */
    List<Conflict.Example> examples() {
        return List.copyOf(examples);
    }
}
