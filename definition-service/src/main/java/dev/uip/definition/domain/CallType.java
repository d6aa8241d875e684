package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The Segment call a definition describes: a track event (its properties), a page or screen by name (the call's
 * properties) or the workspace's identify traits (one definition, named {@value #IDENTIFY_NAME}).
 */
public enum CallType {

    TRACK, PAGE, SCREEN, IDENTIFY;

    /** The one name of an identify definition (as {@code dev.uip.schemas.names.DefinitionKeys} has it). */
    public static final String IDENTIFY_NAME = "identify";

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static CallType fromApiName(String name) {
        return ApiNames.parse(CallType.class, "callType", name);
    }
}
