package dev.uip.definition.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.uip.definition.domain.CallType;
import dev.uip.definition.domain.Criticality;
import dev.uip.definition.domain.DefinitionKind;
import dev.uip.definition.domain.DefinitionSpec;
import dev.uip.definition.domain.Enforcement;
import dev.uip.definition.domain.InvalidDefinitionException;
import dev.uip.definition.domain.LifecycleStatus;
import dev.uip.definition.domain.PropertySpec;

/**
 * The body of a create or update request. {@code status} (create only: draft or active, default active) and
 * {@code breaking} (publish an incompatible change on purpose) are instructions, not part of the definition;
 * {@code autoRelease} (default false; absent on an update: unchanged) is a setting of the definition's head.
 * {@code kind} is tracked (default) or virtual; a virtual definition has a {@code virtualRule} and no properties.
 * {@code callType} (track, page, screen or identify; default track) is part of the definition's identity: an update
 * names it with {@code ?callType=}, and a body that states another is refused. An identify definition's name is
 * always {@value CallType#IDENTIFY_NAME} and may be left out.
 */
public record DefinitionRequest(String name, String displayName, String description, String ownerTeam,
        Boolean keyEvent, Criticality criticality, List<String> tags, Enforcement enforcement,
        List<PropertySpec> properties, LifecycleStatus status, Boolean breaking, Boolean autoRelease,
        DefinitionKind kind, JsonNode virtualRule, CallType callType) {

    /** The definition to create. */
    public DefinitionSpec spec() {
        CallType type = callType == null ? CallType.TRACK : callType;
        String given = name == null && type == CallType.IDENTIFY ? CallType.IDENTIFY_NAME : name;
        return spec(given, type);
    }

    /** The new version of the definition at {@code pathName} of call type {@code pathCallType}. */
    public DefinitionSpec spec(String pathName, CallType pathCallType) {
        if (callType != null && callType != pathCallType) {
            throw new InvalidDefinitionException("callType", "the call type is part of the definition's identity"
                    + " and cannot change; name it with ?callType=" + callType.apiName());
        }
        return new DefinitionSpec(name == null ? pathName : name, displayName, description, ownerTeam,
                Boolean.TRUE.equals(keyEvent), criticality, tags, enforcement, properties, kind, virtualRule,
                pathCallType);
    }

    public boolean isBreaking() {
        return Boolean.TRUE.equals(breaking);
    }
}
