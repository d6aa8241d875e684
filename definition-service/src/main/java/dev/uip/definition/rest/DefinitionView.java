package dev.uip.definition.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.Criticality;
import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.Enforcement;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.PropertySpec;

/**
 * A definition as the API shows it, with where its published schema lives (null while only a draft exists, and always
 * for a virtual definition, which shows its rule instead) and the call it describes ({@code callType}).
 */
public record DefinitionView(String workspace, String name, String displayName, String description,
        String ownerTeam, boolean keyEvent, Criticality criticality, List<String> tags, LifecycleStatus status,
        Enforcement enforcement, List<PropertySpec> properties, int version, Integer publishedVersion,
        SchemaView schema, boolean autoRelease, Instant createdAt, Instant updatedAt, DefinitionKind kind,
        JsonNode virtualRule, CallType callType) {

    /** Registry coordinates of the definition's published schema. */
    public record SchemaView(String groupId, String artifactId, String version, long globalId) {
    }
}
