package dev.uip.definition.domain;

/**
 * What a rule says, apart from its key: null means "not given" before {@link AlertRuleChecks#check} and "does not
 * apply" after it (which fills in the defaults).
 */
public record AlertRuleSettings(Boolean enabled, RuleSensitivity sensitivity, Double minVolume, Integer windowMinutes,
        Double threshold, Double percent, ChangeDirection direction, Integer baselineMinutes, QuietHours quietHours,
        AlertSeverity severity) {
}
