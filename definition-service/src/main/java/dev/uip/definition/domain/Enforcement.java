package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happens to an event that violates its schema: observe (accept and count the violations), warn (accept and
 * attach them), quarantine (the event goes to quarantine).
 */
public enum Enforcement {

    OBSERVE, WARN, QUARANTINE;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static Enforcement fromApiName(String name) {
        return ApiNames.parse(Enforcement.class, "enforcement mode", name);
    }
}
