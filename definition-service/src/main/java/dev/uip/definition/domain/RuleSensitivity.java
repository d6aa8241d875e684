package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How readily a rule alerts: high alerts sooner and on smaller changes. */
public enum RuleSensitivity {

    LOW, MEDIUM, HIGH;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static RuleSensitivity fromApiName(String name) {
        return ApiNames.parse(RuleSensitivity.class, "sensitivity", name);
    }
}
