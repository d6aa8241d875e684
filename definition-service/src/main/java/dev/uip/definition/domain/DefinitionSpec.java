package dev.uip.definition.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a person defines about one event: everything that a version captures, apart from its lifecycle status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefinitionSpec(String name, String displayName, String description, String ownerTeam, boolean keyEvent,
        Criticality criticality, List<String> tags, Enforcement enforcement, List<PropertySpec> properties) {

    /** The same definition with defaults filled in: medium criticality, quarantine enforcement, empty lists. */
    public DefinitionSpec normalised() {
        return new DefinitionSpec(name, displayName, description, ownerTeam, keyEvent,
                criticality == null ? Criticality.MEDIUM : criticality, tags == null ? List.of() : List.copyOf(tags),
                enforcement == null ? Enforcement.QUARANTINE : enforcement,
                properties == null ? List.of() : properties);
    }
}
