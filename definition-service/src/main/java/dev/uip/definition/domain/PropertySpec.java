package dev.uip.definition.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One typed property of an event definition with its constraints. {@code items} describes the elements of an array
 * (its name is ignored); {@code properties} the fields of an object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertySpec(String name, PropertyType type, boolean required, String description,
        List<String> allowedValues, String pattern, Double minimum, Double maximum, Integer maxLength,
        PropertySpec items, List<PropertySpec> properties) {

    /** A property without constraints. */
    public static PropertySpec of(String name, PropertyType type, boolean required) {
        return new PropertySpec(name, type, required, null, null, null, null, null, null, null, null);
    }

    public PropertySpec withAllowedValues(List<String> values) {
        return new PropertySpec(name, type, required, description, values, pattern, minimum, maximum, maxLength,
                items, properties);
    }

    public PropertySpec withRange(Double min, Double max) {
        return new PropertySpec(name, type, required, description, allowedValues, pattern, min, max, maxLength,
                items, properties);
    }

    public PropertySpec withText(String regex, Integer maxChars) {
        return new PropertySpec(name, type, required, description, allowedValues, regex, minimum, maximum, maxChars,
                items, properties);
    }

    public PropertySpec withItems(PropertySpec itemSpec) {
        return new PropertySpec(name, type, required, description, allowedValues, pattern, minimum, maximum,
                maxLength, itemSpec, properties);
    }

    public PropertySpec withProperties(List<PropertySpec> fields) {
        return new PropertySpec(name, type, required, description, allowedValues, pattern, minimum, maximum,
                maxLength, items, fields);
    }

    public PropertySpec withDescription(String text) {
        return new PropertySpec(name, type, required, text, allowedValues, pattern, minimum, maximum, maxLength,
                items, properties);
    }

    /** The nested properties, never null. */
    public List<PropertySpec> fields() {
        return properties == null ? List.of() : properties;
    }
}
