package dev.uip.definition.domain.inference;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A property whose samples disagree on its type; it is proposed without a type rather than guessed.
 *
 * @param event the event name
 * @param path e.g. {@code properties.rows} or {@code properties.cart.items[].price}
 * @param types the types seen, most frequent first
 * @param message what happened and what to do, for people
 */
public record Conflict(String event, String path, List<TypeSeen> types, String message) {

    /**
     * One type seen at the path.
     *
     * @param type the API type these values would have on their own
     * @param samples in how many samples
     * @param values how many values (more than samples for array items)
     * @param examples up to three, each from a different sample
     */
    public record TypeSeen(String type, int samples, int values, List<Example> examples) {
    }

    /** One value and the 0-based index of the sample it came from. */
    public record Example(int sample, JsonNode value) {
    }
}
