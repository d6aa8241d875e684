package dev.uip.definition.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.definition.domain.Criticality;
import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.Enforcement;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.PropertySpec;

/**
 * The body of a create or update request. {@code status} (create only: draft or active, default active) and
 * {@code breaking} (publish an incompatible change on purpose) are instructions, not part of the definition;
 * {@code autoRelease} (default false; absent on an update: unchanged) is a setting of the definition's head.
 * {@code kind} is tracked (default) or virtual; a virtual definition has a {@code virtualRule} and no properties.
 */
public record DefinitionRequest(String name, String displayName, String description, String ownerTeam,
        Boolean keyEvent, Criticality criticality, List<String> tags, Enforcement enforcement,
        List<PropertySpec> properties, LifecycleStatus status, Boolean breaking, Boolean autoRelease,
        DefinitionKind kind, JsonNode virtualRule) {

    public DefinitionSpec spec(String pathName) {
        return new DefinitionSpec(name == null ? pathName : name, displayName, description, ownerTeam,
                Boolean.TRUE.equals(keyEvent), criticality, tags, enforcement, properties, kind, virtualRule);
    }

    public boolean isBreaking() {
        return Boolean.TRUE.equals(breaking);
    }
}
