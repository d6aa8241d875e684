package dev.uip.definition.domain.inference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The elements of an array property, inferred across all elements of all samples.
 *
 * @param type the element type; null when elements conflict or none was seen
 * @param examples up to three distinct scalar elements
 * @param items for arrays of arrays: what their elements are
 * @param properties for arrays of objects: the objects' properties
 */
public record ProposedItems(String type, List<JsonNode> examples,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProposedItems items,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProposedProperty> properties) {
}
