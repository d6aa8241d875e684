package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The Segment call type whose series an alert rule watches. */
public enum RuleCallType {

    TRACK, PAGE, SCREEN, IDENTIFY, GROUP, ALIAS;

    /** Whether series of this call type are named (track by event name, page and screen by name). */
    public boolean hasEvent() {
        return this == TRACK || this == PAGE || this == SCREEN;
    }

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static RuleCallType fromApiName(String name) {
        return ApiNames.parse(RuleCallType.class, "callType", name);
    }
}
