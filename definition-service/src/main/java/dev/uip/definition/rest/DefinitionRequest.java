package dev.uip.definition.rest;

import java.util.List;

import dev.uip.definition.domain.PropertySpec;

/** The body of a create-definition request. */
public record DefinitionRequest(String name, String description, List<PropertySpec> properties) {
}
