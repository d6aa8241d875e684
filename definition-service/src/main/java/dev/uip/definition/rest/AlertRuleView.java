package dev.uip.definition.rest;

import java.time.Instant;

import dev.uip.definition.domain.AlertSeverity;
import dev.uip.definition.domain.ChangeDirection;
import dev.uip.definition.domain.QuietHours;
import dev.uip.definition.domain.RuleCallType;
import dev.uip.definition.domain.RuleKind;
import dev.uip.definition.domain.RuleSensitivity;

/** An alert rule as the API shows it; the names are those of the Avro record AlertRuleState. */
public record AlertRuleView(String workspaceId, RuleCallType callType, String event, RuleKind kind, boolean enabled,
        RuleSensitivity sensitivity, double minVolume, int windowMinutes, Double threshold, Double percent,
        ChangeDirection direction, Integer baselineMinutes, QuietHours quietHours, AlertSeverity severity, int version,
        boolean deleted, Instant createdAt, Instant updatedAt, String actor) {
}
