package dev.uip.definition.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.uip.schemas.patterns.InvalidPatternException;
import dev.uip.schemas.patterns.PropertyPatterns;

/**
 * Checks typed properties and their constraints, recursively through arrays and objects. Patterns are compiled as
 * validation will run them ({@link PropertyPatterns}: RE2, bounded), so a pattern that validation could not run is
 * refused when the definition is saved.
 */
final class PropertyRules {

    static final int MAX_PROPERTIES = 250;
    /** Properties at all levels together, so that nesting cannot multiply {@link #MAX_PROPERTIES}. */
    static final int MAX_TOTAL_PROPERTIES = 1_000;
    static final int MAX_DEPTH = 5;
    static final int MAX_ALLOWED_VALUES = 500;
    static final int MAX_ALLOWED_VALUE_LENGTH = 500;
    static final int MAX_NAME_LENGTH = 128;
    static final String NAME_RULE = "property names start with a letter or _ and contain only letters, digits and _"
            + " (at most " + MAX_NAME_LENGTH + ")";

    private PropertyRules() {
    }

    static boolean isName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || isDigit(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> c == '_' || isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static void check(String path, List<PropertySpec> properties) {
        int total = count(properties, 0);
        if (total > MAX_TOTAL_PROPERTIES) {
            throw new InvalidDefinitionException(path, "at most " + MAX_TOTAL_PROPERTIES
                    + " properties at all levels together");
        }
        check(path, properties, 1);
    }

    /** Properties and array items at every level, counting no further than the deepest allowed level + 1. */
    private static int count(List<PropertySpec> properties, int depth) {
        int total = 0;
        for (PropertySpec property : properties) {
            total += 1 + (property == null || depth > MAX_DEPTH ? 0 : count(property, depth + 1));
            if (total > MAX_TOTAL_PROPERTIES) {
                return total;
            }
        }
        return total;
    }

    private static int count(PropertySpec property, int depth) {
        int inner = property.properties() == null ? 0 : count(property.properties(), depth);
        return property.items() == null ? inner : inner + count(List.of(property.items()), depth);
    }

    /** Checks a list of properties whose values sit at {@code depth} (an event's own properties are depth 1). */
    private static void check(String path, List<PropertySpec> properties, int depth) {
        checkDepth(path, depth);
        if (properties.size() > MAX_PROPERTIES) {
            throw new InvalidDefinitionException(path, "at most " + MAX_PROPERTIES + " properties");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            PropertySpec property = properties.get(i);
            String at = path + "[" + i + "]";
            if (property == null) {
                throw new InvalidDefinitionException(at, "property must be an object");
            }
            if (!isName(property.name())) {
                throw new InvalidDefinitionException(at + ".name", NAME_RULE);
            }
            if (!seen.add(property.name())) {
                throw new InvalidDefinitionException(at + ".name", "duplicate property '" + property.name() + "'");
            }
            checkOne(at, property, depth);
        }
    }

    private static void checkOne(String at, PropertySpec property, int depth) {
        // Array items count as a level too, so that an array of arrays cannot nest deeper than objects can.
        checkDepth(at, depth);
        PropertyType type = property.type();
        if (type == null) {
            throw new InvalidDefinitionException(at + ".type", "type is required");
        }
        DefinitionRules.checkText(at + ".description", property.description(), DefinitionRules.MAX_TEXT_LENGTH);
        checkAllowedValues(at, property);
        if (property.pattern() != null) {
            onlyFor(at + ".pattern", type.textual(), "a pattern applies only to string properties");
            try {
                PropertyPatterns.compile(property.pattern());
            } catch (InvalidPatternException e) {
                throw new InvalidDefinitionException(at + ".pattern", e.getMessage());
            }
        }
        if (property.maxLength() != null) {
            onlyFor(at + ".maxLength", type.textual(), "maxLength applies only to string properties");
            if (property.maxLength() < 1) {
                throw new InvalidDefinitionException(at + ".maxLength", "maxLength must be at least 1");
            }
        }
        if (property.minimum() != null || property.maximum() != null) {
            String field = at + (property.minimum() != null ? ".minimum" : ".maximum");
            onlyFor(field, type.numeric(), "minimum and maximum apply only to integer and number properties");
            if (!finite(property.minimum()) || !finite(property.maximum())) {
                throw new InvalidDefinitionException(field, "minimum and maximum must be finite numbers");
            }
            if (property.minimum() != null && property.maximum() != null
                    && property.minimum() > property.maximum()) {
                throw new InvalidDefinitionException(at + ".minimum", "minimum must not be greater than maximum");
            }
        }
        if (type == PropertyType.ARRAY) {
            if (property.items() == null) {
                throw new InvalidDefinitionException(at + ".items", "an array property needs items: {type, ...}");
            }
            PropertySpec items = property.items();
            checkOne(at + ".items", items, depth + 1);
        } else if (property.items() != null) {
            throw new InvalidDefinitionException(at + ".items", "items apply only to array properties");
        }
        if (type == PropertyType.OBJECT) {
            if (property.properties() == null || property.properties().isEmpty()) {
                throw new InvalidDefinitionException(at + ".properties",
                        "an object property needs at least one nested property");
            }
            check(at + ".properties", property.properties(), depth + 1);
        } else if (property.properties() != null) {
            throw new InvalidDefinitionException(at + ".properties", "properties apply only to object properties");
        }
    }

    private static boolean finite(Double value) {
        return value == null || Double.isFinite(value);
    }

    private static void checkDepth(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidDefinitionException(path, "objects and arrays nest at most " + MAX_DEPTH + " deep");
        }
    }

    private static void checkAllowedValues(String at, PropertySpec property) {
        List<String> values = property.allowedValues();
        if (property.type() == PropertyType.ENUM && (values == null || values.isEmpty())) {
            throw new InvalidDefinitionException(at + ".allowedValues", "an enum property needs allowedValues");
        }
        if (values == null) {
            return;
        }
        onlyFor(at + ".allowedValues", property.type().textual(),
                "allowedValues apply only to string and enum properties");
        if (values.size() > MAX_ALLOWED_VALUES) {
            throw new InvalidDefinitionException(at + ".allowedValues", "at most " + MAX_ALLOWED_VALUES + " values");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !seen.add(value)) {
                throw new InvalidDefinitionException(at + ".allowedValues[" + i + "]",
                        "allowed values are distinct strings");
            }
            if (value.length() > MAX_ALLOWED_VALUE_LENGTH) {
                throw new InvalidDefinitionException(at + ".allowedValues[" + i + "]",
                        "an allowed value is at most " + MAX_ALLOWED_VALUE_LENGTH + " characters");
            }
        }
    }

    private static void onlyFor(String field, boolean applies, String message) {
        if (!applies) {
            throw new InvalidDefinitionException(field, message);
        }
    }
}
