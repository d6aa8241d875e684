package dev.uip.definition.rest;

import java.time.Instant;
import java.util.List;

import dev.uip.definition.domain.Criticality;
import dev.uip.definition.domain.Enforcement;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.PropertySpec;

/** A definition as the API shows it, with where its published schema lives (null while only a draft exists). */
public record DefinitionView(String workspace, String name, String displayName, String description,
        String ownerTeam, boolean keyEvent, Criticality criticality, List<String> tags, LifecycleStatus status,
        Enforcement enforcement, List<PropertySpec> properties, int version, Integer publishedVersion,
        SchemaView schema, boolean autoRelease, Instant createdAt, Instant updatedAt) {

    /** Registry coordinates of the definition's published schema. */
    public record SchemaView(String groupId, String artifactId, String version, long globalId) {
    }
}
