package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent the alerts a rule opens are. */
public enum AlertSeverity {

    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static AlertSeverity fromApiName(String name) {
        return ApiNames.parse(AlertSeverity.class, "severity", name);
    }
}
