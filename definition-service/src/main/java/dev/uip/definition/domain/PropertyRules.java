package dev.uip.definition.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks typed properties and their constraints, recursively through arrays and objects. */
final class PropertyRules {

    static final int MAX_PROPERTIES = 250;
    static final int MAX_DEPTH = 5;
    static final int MAX_ALLOWED_VALUES = 500;
    static final String NAME_RULE = "property names start with a letter or _ and contain only letters, digits and _"
            + " (at most 128)";
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private PropertyRules() {
    }

    static boolean isName(String name) {
        return name != null && PROPERTY_NAME.matcher(name).matches();
    }

    static void check(String path, List<PropertySpec> properties) {
        check(path, properties, 1);
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
        if (property.description() != null && property.description().length() > DefinitionRules.MAX_TEXT_LENGTH) {
            throw new InvalidDefinitionException(at + ".description", "a description is at most "
                    + DefinitionRules.MAX_TEXT_LENGTH + " characters");
        }
        checkAllowedValues(at, property);
        if (property.pattern() != null) {
            onlyFor(at + ".pattern", type.textual(), "a pattern applies only to string properties");
            try {
                Pattern.compile(property.pattern());
            } catch (PatternSyntaxException e) {
                throw new InvalidDefinitionException(at + ".pattern",
                        "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
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
            if (values.get(i) == null || !seen.add(values.get(i))) {
                throw new InvalidDefinitionException(at + ".allowedValues[" + i + "]",
                        "allowed values are distinct strings");
            }
        }
    }

    private static void onlyFor(String field, boolean applies, String message) {
        if (!applies) {
            throw new InvalidDefinitionException(field, message);
        }
    }
}
