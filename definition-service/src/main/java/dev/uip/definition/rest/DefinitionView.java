package dev.uip.definition.rest;

import java.time.Instant;
import java.util.List;

import dev.uip.definition.domain.PropertySpec;

/** A definition as the API shows it, with where its schema lives. */
public record DefinitionView(String workspace, String name, String description, List<PropertySpec> properties,
        int version, SchemaView schema, Instant createdAt, Instant updatedAt) {

    /** Registry coordinates of the definition's current schema. */
    public record SchemaView(String groupId, String artifactId, String version, long globalId) {
    }
}
