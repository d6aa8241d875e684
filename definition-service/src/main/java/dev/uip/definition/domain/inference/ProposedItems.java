package dev.uip.definition.domain.inference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.definition.domain.PropertySpec;

/**
 * The elements of an array property, inferred across all elements of all samples; shaped like a property's
 * {@code items} in {@code POST /v1/definitions} (a property without a name).
 *
 * @param type the element type; null when elements conflict or none was seen
 * @param examples up to three distinct scalar elements
 * @param items for arrays of arrays: what their elements are
 * @param properties for arrays of objects: the objects' properties
 */
public record ProposedItems(String type, List<JsonNode> examples,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProposedItems items,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProposedProperty> properties) {

    /** These elements as a definition's {@code items}. */
    PropertySpec spec() {
        return new PropertySpec(null, ProposedProperty.type(type), false, null, null, null, null, null, null,
                items == null ? null : items.spec(), ProposedProperty.specs(properties));
    }
}
