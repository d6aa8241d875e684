package dev.uip.anomaly.trend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one dimension a series tracks by name, at most {@code capacity} of them: a value is admitted while
 * there is room, and {@link #decay()} halves every weight and forgets the values that faded, making room for new
 * ones. Everything not tracked counts as {@link Dimension#OTHER}.
 */
public final class TopValues {

    private final Map<String, Float> weights;

    public TopValues() {
        this(new LinkedHashMap<>());
    }

    TopValues(Map<String, Float> weights) {
        this.weights = weights;
    }

    /** Notes one occurrence; returns the name to count it under (the value, or OTHER when not tracked). */
    public String admit(String value, int capacity) {
        if (value == null) {
            return Dimension.OTHER;
        }
        Float weight = weights.get(value);
        if (weight != null) {
            weights.put(value, weight + 1);
            return value;
        }
        if (weights.size() < capacity) {
            weights.put(value, 1f);
            return value;
        }
        return Dimension.OTHER;
    }

    /** Halves every weight and forgets values whose weight fell below one. */
    public void decay() {
        weights.replaceAll((value, weight) -> weight / 2);
        weights.values().removeIf(weight -> weight < 1);
    }

    public Map<String, Float> weights() {
        return weights;
    }
}
