package dev.uip.definition.rest;

import java.util.List;

import dev.uip.definition.domain.Criticality;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.Enforcement;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.PropertySpec;

/**
 * The body of a create or update request. {@code status} (create only: draft or active, default active) and
 * {@code breaking} (publish an incompatible change on purpose) are instructions, not part of the definition;
 * {@code autoRelease} (default false; absent on an update: unchanged) is a setting of the definition's head.
 */
public record DefinitionRequest(String name, String displayName, String description, String ownerTeam,
        Boolean keyEvent, Criticality criticality, List<String> tags, Enforcement enforcement,
        List<PropertySpec> properties, LifecycleStatus status, Boolean breaking, Boolean autoRelease) {

    public DefinitionSpec spec(String pathName) {
        return new DefinitionSpec(name == null ? pathName : name, displayName, description, ownerTeam,
                Boolean.TRUE.equals(keyEvent), criticality, tags, enforcement, properties);
    }

    public boolean isBreaking() {
        return Boolean.TRUE.equals(breaking);
    }
}
