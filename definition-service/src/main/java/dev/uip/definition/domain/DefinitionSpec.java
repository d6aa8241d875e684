package dev.uip.definition.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a person defines about one event: everything that a version captures, apart from its lifecycle status. A
 * virtual definition ({@code kind} virtual) has a {@code virtualRule} instead of properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefinitionSpec(String name, String displayName, String description, String ownerTeam, boolean keyEvent,
        Criticality criticality, List<String> tags, Enforcement enforcement, List<PropertySpec> properties,
        DefinitionKind kind, JsonNode virtualRule) {

    /** A tracked definition. */
    public DefinitionSpec(String name, String displayName, String description, String ownerTeam, boolean keyEvent,
            Criticality criticality, List<String> tags, Enforcement enforcement, List<PropertySpec> properties) {
        this(name, displayName, description, ownerTeam, keyEvent, criticality, tags, enforcement, properties, null,
                null);
    }

    /** Whether this is a virtual definition. */
    public boolean virtual() {
        return kind == DefinitionKind.VIRTUAL;
    }

    /** The same definition with defaults filled in: medium criticality, quarantine enforcement, empty lists. */
    public DefinitionSpec normalised() {
        return new DefinitionSpec(name, displayName, description, ownerTeam, keyEvent,
                criticality == null ? Criticality.MEDIUM : criticality, tags == null ? List.of() : List.copyOf(tags),
                enforcement == null ? Enforcement.QUARANTINE : enforcement,
                properties == null ? List.of() : properties, kind == null ? DefinitionKind.TRACKED : kind,
                virtualRule == null || virtualRule.isNull() ? null : virtualRule);
    }
}
