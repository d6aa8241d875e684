package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a definition describes: an event that SDKs send (tracked, with typed properties and a registered schema), or
 * a virtual event derived from incoming events by a rule.
 */
public enum DefinitionKind {

    TRACKED, VIRTUAL;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static DefinitionKind fromApiName(String name) {
        return ApiNames.parse(DefinitionKind.class, "kind", name);
    }
}
