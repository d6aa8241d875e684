package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to a track event that has no definition in its workspace. */
public enum UnplannedPolicy {

    ACCEPT_AND_FLAG, QUARANTINE;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static UnplannedPolicy fromApiName(String name) {
        return ApiNames.parse(UnplannedPolicy.class, "unplanned-events policy", name);
    }
}
