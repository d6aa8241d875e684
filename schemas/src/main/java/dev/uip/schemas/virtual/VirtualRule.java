package dev.uip.schemas.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.schemas.MessageType;

/**
 * A parsed virtual event rule: which messages it looks at (track events by name and/or call types) and the condition
 * they must satisfy (none: every such message matches). Immutable and safe to share between threads.
 */
public record VirtualRule(Set<String> events, Set<MessageType> callTypes, Condition where) {

    /** Whether the message is one of the rule's sources and satisfies its condition. */
    public boolean matches(MessageView message) {
        if (!callTypes.isEmpty() && !callTypes.contains(message.type())) {
            return false;
        }
        if (!events.isEmpty() && (message.type() != MessageType.TRACK || !events.contains(message.event()))) {
            return false;
        }
        return where == null || where.test(message);
    }

    /**
     * The keys under which an index finds this rule: one per source event name when the rule names events (only
     * track events can match then), else one per call type.
     */
    public List<String> sourceKeys() {
        List<String> keys = new ArrayList<>();
        if (!events.isEmpty()) {
            events.forEach(event -> keys.add(eventKey(event)));
        } else {
            callTypes.forEach(type -> keys.add(typeKey(type)));
        }
        return keys;
    }

    /** The index keys a message of this type and event name is looked up under (see {@link #sourceKeys}). */
    public static List<String> lookupKeys(MessageType type, String event) {
        return type == MessageType.TRACK && event != null
                ? List.of(typeKey(type), eventKey(event))
                : List.of(typeKey(type));
    }

    /** Parses a rule (see {@link RuleParser}); a shortcut for {@code RuleParser.parse(json, "virtualRule")}. */
    public static VirtualRule parse(String json) {
        return RuleParser.parse(json, "virtualRule");
    }

    /** Parses a rule already read as JSON. */
    public static VirtualRule parse(JsonNode json) {
        return RuleParser.parse(json, "virtualRule");
    }

    private static String eventKey(String event) {
        return "event:" + event;
    }

    private static String typeKey(MessageType type) {
        return "type:" + type.name();
    }
}
