package dev.uip.schemas.virtual;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.uip.schemas.MessageType;

/** One Segment message as a rule reads it: its stored type and event name, and its JSON. */
public record MessageView(MessageType type, String event, JsonNode message) {

    /** The value at {@code path}, or null when the message has none. */
    JsonNode at(MessagePath path) {
        String root = path.segments().get(0);
        if (root.equals("type")) {
            return TextNode.valueOf(type.name().toLowerCase(Locale.ROOT));
        }
        if (root.equals("event")) {
            return event == null ? null : TextNode.valueOf(event);
        }
        JsonNode node = message;
        for (String segment : path.segments()) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segment);
        }
        return node;
    }
}
