package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a definition is in its life: a draft is not registered, an archived one is kept but refused. */
public enum LifecycleStatus {

    DRAFT, ACTIVE, ARCHIVED;

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static LifecycleStatus fromApiName(String name) {
        return ApiNames.parse(LifecycleStatus.class, "status", name);
    }
}
