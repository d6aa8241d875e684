package dev.uip.audit.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The differences between an entity's JSON before and after a change, leaf by leaf with JSON Pointer paths (objects by
 * member, arrays by index); bounded in count, depth and value size, and text that is not JSON compares as a string.
 */
public final class JsonDiff {

    /** One difference: the value at {@code path} before and after (null where absent). */
    public record Difference(String path, JsonNode before, JsonNode after) {
    }

    /** The differences, and whether more were left out. */
    public record Result(List<Difference> differences, boolean truncated) {
    }

    static final int MAX_DIFFERENCES = 100;
    static final int MAX_DEPTH = 16;
    static final int MAX_VALUE_CHARS = 2_000;
    static final int MAX_JSON = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDiff() {
    }

    public static Result of(String before, String after) {
        List<Difference> out = new ArrayList<>();
        boolean complete = walk("", parse(before), parse(after), 0, out);
        return new Result(out, !complete);
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_JSON) {
            return TextNode.valueOf(text.substring(0, MAX_VALUE_CHARS) + "…");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    // False once the bound on differences is reached.
    private static boolean walk(String path, JsonNode before, JsonNode after, int depth, List<Difference> out) {
        if (before != null && before.equals(after)) {
            return true;
        }
        boolean bothObjects = before != null && after != null && before.isObject() && after.isObject();
        boolean bothArrays = before != null && after != null && before.isArray() && after.isArray();
        boolean descend = depth < MAX_DEPTH && (bothObjects || bothArrays
                || (before == null && after != null && after.isContainerNode() && after.size() > 0)
                || (after == null && before != null && before.isContainerNode() && before.size() > 0));
        if (!descend) {
            if (out.size() >= MAX_DIFFERENCES) {
                return false;
            }
            out.add(new Difference(path, bounded(before), bounded(after)));
            return true;
        }
        JsonNode shape = before != null ? before : after;
        if (shape.isArray()) {
            int size = Math.max(before == null ? 0 : before.size(), after == null ? 0 : after.size());
            for (int i = 0; i < size; i++) {
                if (!walk(path + "/" + i, child(before, i), child(after, i), depth + 1, out)) {
                    return false;
                }
            }
            return true;
        }
        TreeSet<String> names = new TreeSet<>();
        addNames(before, names);
        addNames(after, names);
        for (String name : names) {
            String pointer = path + "/" + name.replace("~", "~0").replace("/", "~1");
            if (!walk(pointer, before == null ? null : before.get(name), after == null ? null : after.get(name),
                    depth + 1, out)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode child(JsonNode array, int index) {
        return array == null ? null : array.get(index);
    }

    private static void addNames(JsonNode node, TreeSet<String> names) {
        if (node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
        }
    }

    private static JsonNode bounded(JsonNode value) {
        if (value == null) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.isContainerNode() ? value.toString() : null;
        if (text != null && text.length() > MAX_VALUE_CHARS) {
            return TextNode.valueOf(text.substring(0, MAX_VALUE_CHARS) + "…");
        }
        return value;
    }
}
