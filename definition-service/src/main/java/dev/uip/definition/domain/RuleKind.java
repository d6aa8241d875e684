package dev.uip.definition.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an alert rule watches for: silence, a drop, a spike, static thresholds or a percentage change. */
public enum RuleKind {

    STOPPED, DROP, SPIKE, ABOVE, BELOW, PERCENT_CHANGE;

    /** Whether the rule compares against a fixed threshold (and so needs one). */
    public boolean usesThreshold() {
        return this == ABOVE || this == BELOW;
    }

    @JsonValue
    public String apiName() {
        return ApiNames.of(this);
    }

    @JsonCreator
    public static RuleKind fromApiName(String name) {
        return ApiNames.parse(RuleKind.class, "kind", name);
    }
}
