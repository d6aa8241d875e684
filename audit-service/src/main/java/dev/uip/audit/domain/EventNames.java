package dev.uip.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event name a change touches: the entity id of an event definition, else the {@code event} (or {@code eventName},
 * or {@code filter.event}) field of the entity's JSON after the change, or before it; none for changes of no event.
 */
public final class EventNames {

    /** Longer texts are not parsed and longer names not kept: event names are far shorter. */
    static final int MAX_JSON = 1 << 20;
    static final int MAX_NAME = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventNames() {
    }

    public static String of(String entityType, String entityId, String before, String after) {
        if ("EVENT_DEFINITION".equals(entityType)) {
            return bounded(entityId);
        }
        String name = fromJson(after);
        return name != null ? name : fromJson(before);
    }

    private static String fromJson(String text) {
        if (text == null || text.length() > MAX_JSON) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        for (JsonNode candidate : new JsonNode[]{node.get("event"), node.get("eventName"),
                node.path("filter").get("event")}) {
            if (candidate != null && candidate.isTextual() && !candidate.asText().isEmpty()) {
                return bounded(candidate.asText());
            }
        }
        return null;
    }

    private static String bounded(String name) {
        return name == null || name.isEmpty() || name.length() > MAX_NAME || name.indexOf('\u0000') >= 0 ? null : name;
    }
}
