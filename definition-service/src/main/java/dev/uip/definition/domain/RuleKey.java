package dev.uip.definition.domain;

/** What identifies an alert rule within its workspace: the call type, the event ("" when unnamed) and the kind. */
public record RuleKey(RuleCallType callType, String event, RuleKind kind) {

    /** {@code TRACK/Signup Completed/DROP}: the rule's id in change records, and its Kafka key after the workspace. */
    public String id() {
        return callType.name() + "/" + event + "/" + kind.name();
    }

    /** For people: {@code drop rule of track 'Signup Completed'}. */
    public String describe() {
        return kind.apiName() + " rule of " + callType.apiName() + (event.isEmpty() ? "" : " '" + event + "'");
    }
}
