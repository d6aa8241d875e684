package dev.uip.definition.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a person defines about one event: everything that a version captures, apart from its lifecycle status. A
 * virtual definition ({@code kind} virtual) has a {@code virtualRule} instead of properties. {@code callType} (track
 * when absent) says which call the definition describes; with the name it is the definition's identity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefinitionSpec(String name, String displayName, String description, String ownerTeam, boolean keyEvent,
        Criticality criticality, List<String> tags, Enforcement enforcement, List<PropertySpec> properties,
        DefinitionKind kind, JsonNode virtualRule, CallType callType) {

    /** A definition of a track event. */
    public DefinitionSpec(String name, String displayName, String description, String ownerTeam, boolean keyEvent,
            Criticality criticality, List<String> tags, Enforcement enforcement, List<PropertySpec> properties,
            DefinitionKind kind, JsonNode virtualRule) {
        this(name, displayName, description, ownerTeam, keyEvent, criticality, tags, enforcement, properties, kind,
                virtualRule, null);
    }

    /** A tracked definition. */
    public DefinitionSpec(String name, String displayName, String description, String ownerTeam, boolean keyEvent,
            Criticality criticality, List<String> tags, Enforcement enforcement, List<PropertySpec> properties) {
        this(name, displayName, description, ownerTeam, keyEvent, criticality, tags, enforcement, properties, null,
                null, null);
    }

    /** Whether this is a virtual definition. */
    public boolean virtual() {
        return kind == DefinitionKind.VIRTUAL;
    }

    /** The call type, track when none is given. */
    public CallType callTypeOrTrack() {
        return callType == null ? CallType.TRACK : callType;
    }

    /** The same definition with defaults filled in: medium criticality, quarantine enforcement, empty lists. */
    public DefinitionSpec normalised() {
        return new DefinitionSpec(name, displayName, description, ownerTeam, keyEvent,
                criticality == null ? Criticality.MEDIUM : criticality, tags == null ? List.of() : List.copyOf(tags),
                enforcement == null ? Enforcement.QUARANTINE : enforcement,
                properties == null ? List.of() : properties, kind == null ? DefinitionKind.TRACKED : kind,
                virtualRule == null || virtualRule.isNull() ? null : virtualRule, callTypeOrTrack());
    }
}
