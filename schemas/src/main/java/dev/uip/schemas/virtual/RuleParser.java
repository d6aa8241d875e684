package dev.uip.schemas.virtual;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.uip.schemas.MessageType;
import dev.uip.schemas.patterns.InvalidPatternException;
import dev.uip.schemas.patterns.PropertyPatterns;

/**
 * Reads and checks a virtual event rule, refusing anything unbounded with the path of the offending field and a code:
 *
 * <pre>
 * {"callTypes": ["page"], "events": ["Order Completed"],
 *  "where": {"and": [{"path": "properties.url", "op": "contains", "value": "/billing"},
 *                    {"or": [{"path": "context.app.version", "op": "in", "values": ["2.0", "2.1"]}, ...]}]}}
 * </pre>
 *
 * At least one of {@code events} (track event names) and {@code callTypes} is required; {@code where} is optional.
 */
public final class RuleParser {

    /** Longest rule accepted, as JSON text. */
    public static final int MAX_RULE_LENGTH = 20_000;
    /** Deepest nesting of and/or groups (the group directly under {@code where} is depth 1). */
    public static final int MAX_DEPTH = 4;
    /** Most comparisons in one rule. */
    public static final int MAX_CONDITIONS = 50;
    /**
     * Most regex comparisons in one rule: linear in time but still the costliest operator (several microseconds per
     * match, against about a tenth of one for the others), and every event of the rule's source pays for them.
     */
    public static final int MAX_REGEX_CONDITIONS = 5;
    /** Most source event names. */
    public static final int MAX_EVENTS = 50;
    /** Most values of an {@code in} list. */
    public static final int MAX_VALUES = 100;
    /** Longest text value (and event name). */
    public static final int MAX_VALUE_LENGTH = 1_000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxNumberLength(100).maxStringLength(MAX_RULE_LENGTH).build());
    }

    private RuleParser() {
    }

    /** Parses rule JSON text; {@code where} names the field that holds it in error paths. */
    public static VirtualRule parse(String json, String where) {
        if (json == null || json.isBlank()) {
            throw new InvalidVirtualRuleException(where, "MISSING_RULE", "a virtual definition needs a rule");
        }
        if (json.length() > MAX_RULE_LENGTH) {
            throw new InvalidVirtualRuleException(where, "RULE_TOO_LARGE", "a rule is at most " + MAX_RULE_LENGTH
                    + " characters of JSON, this one " + json.length());
        }
        try {
            return parse(JSON.readTree(json), where);
        } catch (JsonProcessingException e) {
            throw new InvalidVirtualRuleException(where, "INVALID_RULE_JSON", "the rule is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    /** Parses a rule read as JSON; {@code where} names the field that holds it in error paths. */
    public static VirtualRule parse(JsonNode rule, String where) {
        if (rule == null || !rule.isObject()) {
            throw new InvalidVirtualRuleException(where, "MISSING_RULE",
                    "a virtual definition needs a rule object with events and/or callTypes and optionally where");
        }
        if (rule.toString().length() > MAX_RULE_LENGTH) {
            throw new InvalidVirtualRuleException(where, "RULE_TOO_LARGE", "a rule is at most " + MAX_RULE_LENGTH
                    + " characters of JSON");
        }
        onlyFields(rule, where, Set.of("events", "callTypes", "where"));
        Set<String> events = events(rule.get("events"), where + ".events");
        Set<MessageType> callTypes = callTypes(rule.get("callTypes"), where + ".callTypes");
        if (events.isEmpty() && callTypes.isEmpty()) {
            throw new InvalidVirtualRuleException(where, "MISSING_SOURCE",
                    "a rule names its source: events (track event names) and/or callTypes");
        }
        if (!events.isEmpty() && !callTypes.isEmpty() && !callTypes.contains(MessageType.TRACK)) {
            throw new InvalidVirtualRuleException(where + ".callTypes", "CONTRADICTORY_SOURCE",
                    "events name track events, so callTypes must include track when both are given");
        }
        JsonNode whereNode = rule.get("where");
        Condition condition = null;
        if (whereNode != null && !whereNode.isNull()) {
            int[] count = {0, 0};
            condition = condition(whereNode, where + ".where", 0, count);
        }
        return new VirtualRule(Collections.unmodifiableSet(events),
                callTypes.isEmpty() ? Set.of() : EnumSet.copyOf(callTypes),
                condition);
    }

    private static Set<String> events(JsonNode node, String where) {
        Set<String> events = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return events;
        }
        if (!node.isArray() || node.size() > MAX_EVENTS) {
            throw new InvalidVirtualRuleException(where, "INVALID_EVENTS", "events is a list of at most "
                    + MAX_EVENTS + " event names");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (!name.isTextual() || name.textValue().isBlank() || name.textValue().length() > 200) {
                throw new InvalidVirtualRuleException(where + "[" + i + "]", "INVALID_EVENTS",
                        "an event name is a non-blank string of at most 200 characters");
            }
            events.add(name.textValue());
        }
        return events;
    }

    private static Set<MessageType> callTypes(JsonNode node, String where) {
        Set<MessageType> types = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return types;
        }
        if (!node.isArray() || node.size() > MessageType.values().length) {
            throw new InvalidVirtualRuleException(where, "INVALID_CALL_TYPE",
                    "callTypes is a list of track, identify, page, screen, group, alias");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode type = node.get(i);
            MessageType parsed = null;
            for (MessageType candidate : MessageType.values()) {
                if (type.isTextual() && candidate.name().equalsIgnoreCase(type.textValue())) {
                    parsed = candidate;
                }
            }
            if (parsed == null) {
                throw new InvalidVirtualRuleException(where + "[" + i + "]", "INVALID_CALL_TYPE",
                        "a call type is one of track, identify, page, screen, group, alias; was " + type);
            }
            types.add(parsed);
        }
        return types;
    }

    private static Condition condition(JsonNode node, String where, int depth, int[] count) {
        if (!node.isObject()) {
            throw new InvalidVirtualRuleException(where, "INVALID_CONDITION",
                    "a condition is an object: {\"and\": [...]}, {\"or\": [...]} or {\"path\", \"op\", \"value\"}");
        }
        boolean and = node.has("and");
        if (and || node.has("or")) {
            return group(node, where, depth, count, and);
        }
        if (++count[0] > MAX_CONDITIONS) {
            throw new InvalidVirtualRuleException(where, "TOO_MANY_CONDITIONS", "a rule has at most "
                    + MAX_CONDITIONS + " conditions");
        }
        Condition.Comparison comparison = comparison(node, where);
        if (comparison.op() == Operator.REGEX && ++count[1] > MAX_REGEX_CONDITIONS) {
            throw new InvalidVirtualRuleException(where, "TOO_MANY_REGEX_CONDITIONS", "a rule has at most "
                    + MAX_REGEX_CONDITIONS + " regex conditions; contains and starts_with are much cheaper");
        }
        return comparison;
    }

    private static Condition group(JsonNode node, String where, int depth, int[] count, boolean and) {
        String key = and ? "and" : "or";
        onlyFields(node, where, Set.of(key));
        if (depth + 1 > MAX_DEPTH) {
            throw new InvalidVirtualRuleException(where, "RULE_TOO_DEEP", "and/or groups nest at most " + MAX_DEPTH
                    + " deep");
        }
        JsonNode children = node.get(key);
        if (!children.isArray() || children.isEmpty()) {
            throw new InvalidVirtualRuleException(where + "." + key, "EMPTY_GROUP",
                    key + " is a non-empty list of conditions");
        }
        if (children.size() > MAX_CONDITIONS) {
            throw new InvalidVirtualRuleException(where + "." + key, "TOO_MANY_CONDITIONS", "a rule has at most "
                    + MAX_CONDITIONS + " conditions");
        }
        List<Condition> parsed = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            parsed.add(condition(children.get(i), where + "." + key + "[" + i + "]", depth + 1, count));
        }
        return new Condition.Group(and, List.copyOf(parsed));
    }

    private static Condition.Comparison comparison(JsonNode node, String where) {
        onlyFields(node, where, Set.of("path", "op", "value", "values"));
        JsonNode pathNode = node.get("path");
        MessagePath path = MessagePath.parse(pathNode != null && pathNode.isTextual() ? pathNode.textValue() : null,
                where + ".path");
        JsonNode opNode = node.get("op");
        Operator op = Operator.of(opNode != null && opNode.isTextual() ? opNode.textValue() : "")
                .orElseThrow(() -> new InvalidVirtualRuleException(where + ".op", "UNKNOWN_OPERATOR",
                        "op is one of " + Operator.names()));
        JsonNode value = node.get("value");
        JsonNode values = node.get("values");
        if (op == Operator.IN) {
            return new Condition.Comparison(path, op, null, inList(value, values, where), null);
        }
        if (values != null) {
            throw new InvalidVirtualRuleException(where + ".values", "INVALID_VALUE",
                    "values belongs to op in only; " + op.apiName() + " takes value");
        }
        if (op == Operator.EXISTS) {
            if (value != null) {
                throw new InvalidVirtualRuleException(where + ".value", "INVALID_VALUE", "exists takes no value");
            }
            return new Condition.Comparison(path, op, null, List.of(), null);
        }
        String at = where + ".value";
        if (op.numeric()) {
            if (value == null || !value.isNumber()) {
                throw new InvalidVirtualRuleException(at, "INVALID_VALUE", op.apiName() + " compares with a number");
            }
            return new Condition.Comparison(path, op, value, List.of(), null);
        }
        if (op.textual()) {
            if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
                throw new InvalidVirtualRuleException(at, "INVALID_VALUE", op.apiName() + " takes a non-empty string");
            }
            checkLength(value, at);
            return new Condition.Comparison(path, op, value, List.of(), op == Operator.REGEX
                    ? regex(value, at)
                    : null);
        }
        scalar(value, at);
        return new Condition.Comparison(path, op, value, List.of(), null);
    }

    private static List<JsonNode> inList(JsonNode value, JsonNode values, String where) {
        if (value != null) {
            throw new InvalidVirtualRuleException(where + ".value", "INVALID_VALUE", "in takes values (a list)");
        }
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw new InvalidVirtualRuleException(where + ".values", "INVALID_VALUE",
                    "in takes values: a non-empty list");
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidVirtualRuleException(where + ".values", "TOO_MANY_VALUES", "in takes at most "
                    + MAX_VALUES + " values, this one " + values.size());
        }
        List<JsonNode> list = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            scalar(values.get(i), where + ".values[" + i + "]");
            list.add(values.get(i));
        }
        return List.copyOf(list);
    }

    private static void scalar(JsonNode value, String where) {
        if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
            throw new InvalidVirtualRuleException(where, "INVALID_VALUE",
                    "a value is a string, a number or a boolean (use exists for presence)");
        }
        checkLength(value, where);
    }

    private static void checkLength(JsonNode value, String where) {
        if (value.isTextual() && value.textValue().length() > MAX_VALUE_LENGTH) {
            throw new InvalidVirtualRuleException(where, "VALUE_TOO_LONG", "a value is at most " + MAX_VALUE_LENGTH
                    + " characters");
        }
    }

    private static com.google.re2j.Pattern regex(JsonNode value, String where) {
        try {
            return PropertyPatterns.compile(value.textValue());
        } catch (InvalidPatternException e) {
            throw new InvalidVirtualRuleException(where, "INVALID_REGEX", e.getMessage());
        }
    }

    private static void onlyFields(JsonNode node, String where, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidVirtualRuleException(where + "." + name, "UNKNOWN_FIELD", "unknown field '"
                        + (name.length() > 50 ? name.substring(0, 50) + "..." : name) + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The lower-case API name of a call type. */
    public static String apiName(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
