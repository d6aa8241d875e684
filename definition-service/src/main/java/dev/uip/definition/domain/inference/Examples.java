package dev.uip.definition.domain.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Keeps example values short enough to show in an answer and in a sentence. */
final class Examples {

    static final int MAX_TEXT = 40;

    private Examples() {
    }

    /** The value itself, or a string cut to 40 characters with "..." appended. */
    static JsonNode shorten(JsonNode value) {
        if (value.isTextual() && value.asText().length() > MAX_TEXT) {
            return TextNode.valueOf(value.asText().substring(0, MAX_TEXT) + "...");
        }
        if (value.isContainerNode()) {
            String text = value.toString();
            return text.length() > MAX_TEXT ? TextNode.valueOf(text.substring(0, MAX_TEXT) + "...") : value;
        }
        return value;
    }

    /** The value as it would appear in JSON, shortened, for a human sentence. */
    static String show(JsonNode value) {
        String text = value.toString();
        return text.length() > MAX_TEXT + 2 ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
