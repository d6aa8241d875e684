package dev.uip.definition.rest;

import dev.uip.definition.domain.AlertRuleSettings;
import dev.uip.definition.domain.AlertSeverity;
import dev.uip.definition.domain.ChangeDirection;
import dev.uip.definition.domain.QuietHours;
import dev.uip.definition.domain.RuleSensitivity;

/**
 * The body of a PUT of an alert rule: the whole rule (a field left out takes its default). The key comes from the
 * path and the workspace from the credential, so neither is part of it.
 */
public record AlertRuleRequest(Boolean enabled, RuleSensitivity sensitivity, Double minVolume, Integer windowMinutes,
        Double threshold, Double percent, ChangeDirection direction, Integer baselineMinutes, QuietHours quietHours,
        AlertSeverity severity) {

    /** The fields a body may have, for the message that refuses another. */
    static final String FIELDS = "enabled, sensitivity, minVolume, windowMinutes, threshold, percent, direction,"
            + " baselineMinutes, quietHours {startHour, endHour, timeZone}, severity";

    public AlertRuleSettings settings() {
        return new AlertRuleSettings(enabled, sensitivity, minVolume, windowMinutes, threshold, percent, direction,
                baselineMinutes, quietHours, severity);
    }
}
