package dev.uip.definition.quarantine.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.uip.definition.quarantine.domain.QuarantineFilter;

/** The JSON that records a release or discard: its filter, and what the change event's {@code after} shows. */
final class OperationJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationJson() {
    }

    static String filter(QuarantineFilter filter) {
        ObjectNode node = JSON.createObjectNode();
        putIf(node, "event", filter.event());
        putIf(node, "reason", filter.reason());
        putIf(node, "path", filter.path());
        putIf(node, "from", filter.from() == null ? null : filter.from().toString());
        putIf(node, "to", filter.to() == null ? null : filter.to().toString());
        if (filter.messageIds() != null) {
            filter.messageIds().forEach(node.putArray("messageIds")::add);
        }
        return node.toString();
    }

    static String after(String kind, String filterJson, int count, String reason, String actor) {
        try {
            ObjectNode node = JSON.createObjectNode().put("operation", kind);
            node.set("filter", JSON.readTree(filterJson));
            node.put("count", count);
            putIf(node, "reason", reason);
            node.put("actor", actor);
            return node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
