package dev.uip.definition.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a new version of a definition stays BACKWARD compatible with the previous one: whether everything
 * recorded with the old version still reads and validates with the new one. It is at least as strict as Avro's own
 * rule (which the registry enforces too) and also protects the {@code uip.*} constraints. Each reason says which
 * property, what changed and why it breaks consumers.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /** The reasons why {@code after} cannot read what {@code before} described; empty when compatible. */
    public static List<String> check(List<PropertySpec> before, List<PropertySpec> after) {
        List<String> reasons = new ArrayList<>();
        compareFields("", before, after, reasons);
        return reasons;
    }

    private static void compareFields(String prefix, List<PropertySpec> before, List<PropertySpec> after,
            List<String> reasons) {
        Map<String, PropertySpec> old = byName(before);
        for (PropertySpec next : after) {
            String path = prefix + next.name();
            PropertySpec previous = old.get(next.name());
            if (previous == null) {
                if (next.required()) {
                    reasons.add("new required property '" + path + "' has no default: events recorded before this"
                            + " version do not have it");
                }
                continue;
            }
            if (!previous.required() && next.required()) {
                reasons.add("property '" + path + "' became required: events recorded before this version may not"
                        + " have it");
            }
            compareValues(path, previous, next, reasons);
        }
        // A removed property is compatible: readers of the new version ignore it in older events.
    }

    private static void compareValues(String path, PropertySpec previous, PropertySpec next, List<String> reasons) {
        PropertyType from = previous.type();
        PropertyType to = next.type();
        boolean sameKind = from == to || from.textual() && to.textual()
                || from == PropertyType.INTEGER && to == PropertyType.NUMBER;
        if (!sameKind) {
            reasons.add("property '" + path + "' changed from " + from.apiName() + " to " + to.apiName()
                    + ": consumers reading '" + path + "' as " + article(to) + " would fail on the " + from.apiName()
                    + " values of events recorded before this version");
            return;
        }
        compareConstraints(path, previous, next, reasons);
        if (to == PropertyType.ARRAY) {
            compareValues(path + "[]", previous.items(), next.items(), reasons);
        } else if (to == PropertyType.OBJECT) {
            compareFields(path + ".", previous.fields(), next.fields(), reasons);
        }
    }

    private static void compareConstraints(String path, PropertySpec previous, PropertySpec next,
            List<String> reasons) {
        String recorded = ": values recorded before this version may ";
        if (next.allowedValues() != null) {
            if (previous.allowedValues() == null) {
                reasons.add("property '" + path + "' now only allows " + next.allowedValues() + recorded
                        + "be outside them");
            } else {
                List<String> dropped = previous.allowedValues().stream()
                        .filter(value -> !next.allowedValues().contains(value)).toList();
                if (!dropped.isEmpty()) {
                    reasons.add("property '" + path + "' no longer allows " + quoted(dropped)
                            + ": events recorded with " + (dropped.size() == 1 ? "that value" : "those values")
                            + " before this version would not be valid");
                }
            }
        }
        if (next.pattern() != null && !next.pattern().equals(previous.pattern())) {
            reasons.add("property '" + path + "' must now match the pattern '" + next.pattern() + "'" + recorded
                    + "not match it");
        }
        if (next.maxLength() != null && (previous.maxLength() == null || next.maxLength() < previous.maxLength())) {
            reasons.add("property '" + path + "' now allows at most " + next.maxLength() + " characters"
                    + (previous.maxLength() == null ? "" : " (was " + previous.maxLength() + ")") + recorded
                    + "be longer");
        }
        if (next.minimum() != null && (previous.minimum() == null || next.minimum() > previous.minimum())) {
            reasons.add("property '" + path + "' has a higher minimum " + number(next.minimum())
                    + (previous.minimum() == null ? "" : " (was " + number(previous.minimum()) + ")") + recorded
                    + "be lower");
        }
        if (next.maximum() != null && (previous.maximum() == null || next.maximum() < previous.maximum())) {
            reasons.add("property '" + path + "' has a lower maximum " + number(next.maximum())
                    + (previous.maximum() == null ? "" : " (was " + number(previous.maximum()) + ")") + recorded
                    + "be higher");
        }
    }

    private static Map<String, PropertySpec> byName(List<PropertySpec> properties) {
        Map<String, PropertySpec> map = new LinkedHashMap<>();
        properties.forEach(property -> map.put(property.name(), property));
        return map;
    }

    private static String article(PropertyType type) {
        return switch (type) {
            case INTEGER, ARRAY, OBJECT, ENUM -> "an " + type.apiName();
            default -> "a " + type.apiName();
        };
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(value -> "'" + value + "'").toList());
    }

    static String number(Double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf(value.longValue())
                : Objects.toString(value);
    }
}
