package dev.uip.definition.mapping;

import dev.uip.definition.domain.RuleKey;
import dev.uip.definition.repository.AlertRule;
import dev.uip.schemas.AlertRuleDirection;
import dev.uip.schemas.AlertRuleKind;
import dev.uip.schemas.AlertRuleQuietHours;
import dev.uip.schemas.AlertRuleSensitivity;
import dev.uip.schemas.AlertRuleSeverity;
import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.MessageType;

/** Builds the AlertRuleState records of the compacted topic alert-rules and their keys. */
public final class AlertRuleRecords {

    private AlertRuleRecords() {
    }

    /** {@code <workspaceId>/<CALLTYPE>/<event>/<KIND>}, e.g. {@code acme/TRACK/Signup Completed/DROP}. */
    public static String key(String workspaceId, RuleKey key) {
        return workspaceId + "/" + key.id();
    }

    public static AlertRuleState state(AlertRule rule) {
        var quiet = AlertRuleMapper.quietHours(rule);
        return AlertRuleState.newBuilder()
                .setWorkspaceId(rule.workspaceId)
                .setCallType(MessageType.valueOf(rule.callType.name()))
                .setEvent(rule.event)
                .setKind(AlertRuleKind.valueOf(rule.kind.name()))
                .setEnabled(rule.enabled)
                .setSensitivity(AlertRuleSensitivity.valueOf(rule.sensitivity.name()))
                .setMinVolume(rule.minVolume)
                .setWindowMinutes(rule.windowMinutes)
                .setThreshold(rule.threshold)
                .setPercent(rule.percent)
                .setDirection(rule.direction == null ? null : AlertRuleDirection.valueOf(rule.direction.name()))
                .setBaselineMinutes(rule.baselineMinutes)
                .setQuietHours(quiet == null
                        ? null
                        : AlertRuleQuietHours.newBuilder().setStartHour(quiet.startHour())
                                .setEndHour(quiet.endHour()).setTimeZone(quiet.timeZone()).build())
                .setSeverity(rule.severity == null ? null : AlertRuleSeverity.valueOf(rule.severity.name()))
                .setVersion(rule.version)
                .setDeleted(rule.deleted)
                .setUpdatedAt(rule.updatedAt)
                .setActor(rule.updatedBy)
                .build();
    }
}
