package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which percentage changes a rule alerts on. */
public enum ChangeDirection {

    UP, DOWN, BOTH;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static ChangeDirection fromApiName(String name) {
        return ApiNames.parse(ChangeDirection.class, "direction", name);
    }
}
