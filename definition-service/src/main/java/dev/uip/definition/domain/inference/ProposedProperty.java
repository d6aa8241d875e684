package dev.uip.definition.domain.inference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.definition.domain.PropertySpec;
import dev.uip.definition.domain.PropertyType;

/**
 * One property of a proposed definition, shaped like a property of {@code POST /v1/definitions}.
 *
 * @param name the property name
 * @param type string, integer, number, boolean, datetime, array or object; null when the samples conflict or
 *        hold only nulls
 * @param required true only when present and non-null in every enclosing object seen
 * @param description always null: samples cannot say what a property means
 * @param seenIn in how many enclosing objects it was present and non-null (for top-level properties: samples)
 * @param nullIn in how many it was present but null
 * @param samples how many enclosing objects were seen (for top-level properties: the event's samples)
 * @param examples up to three distinct scalar values, long strings shortened
 * @param items for arrays: what the elements are
 * @param properties for objects: their properties (absent beyond the depth limit)
 */
public record ProposedProperty(String name, String type, boolean required, String description, int seenIn,
        int nullIn, int samples, List<JsonNode> examples,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProposedItems items,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProposedProperty> properties) {

    /** This property as a definition's property. */
    PropertySpec spec() {
        return new PropertySpec(name, type(type), required, description, null, null, null, null, null,
                items == null ? null : items.spec(), specs(properties));
    }

    /** The properties as a definition's; null stays null. */
    static List<PropertySpec> specs(List<ProposedProperty> properties) {
        return properties == null ? null : properties.stream().map(ProposedProperty::spec).toList();
    }

    /** The type of an API type name; null stays null. */
    static PropertyType type(String apiName) {
        return apiName == null ? null : PropertyType.fromApiName(apiName);
    }
}
