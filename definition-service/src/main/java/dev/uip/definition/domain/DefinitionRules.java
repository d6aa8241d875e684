package dev.uip.definition.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a proposed definition before anything is stored or registered. */
public final class DefinitionRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_PROPERTIES = 250;
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private DefinitionRules() {
    }

    public static void check(String name, List<PropertySpec> properties) {
        if (name == null || name.isBlank()) {
            throw new InvalidDefinitionException("name", "name is required");
        }
        if (name.length() > MAX_NAME_LENGTH || !name.equals(name.strip())) {
            throw new InvalidDefinitionException("name", "name must be at most " + MAX_NAME_LENGTH
                    + " characters without leading or trailing spaces");
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            throw new InvalidDefinitionException("name", "name must not contain control characters");
        }
        if (properties.size() > MAX_PROPERTIES) {
            throw new InvalidDefinitionException("properties", "at most " + MAX_PROPERTIES + " properties");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            PropertySpec property = properties.get(i);
            String path = "properties[" + i + "]";
            if (property == null) {
                throw new InvalidDefinitionException(path, "property must be an object");
            }
            if (property.name() == null || !PROPERTY_NAME.matcher(property.name()).matches()) {
                throw new InvalidDefinitionException(path + ".name",
                        "property names start with a letter or _ and contain only letters, digits and _");
            }
            if (!seen.add(property.name())) {
                throw new InvalidDefinitionException(path + ".name", "duplicate property '" + property.name() + "'");
            }
            if (property.type() == null) {
                throw new InvalidDefinitionException(path + ".type", "type is required");
            }
        }
    }
}
