package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much it matters when the event breaks. */
public enum Criticality {

    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static Criticality fromApiName(String name) {
        return ApiNames.parse(Criticality.class, "criticality", name);
    }
}
