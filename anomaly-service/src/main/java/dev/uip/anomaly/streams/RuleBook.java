package dev.uip.anomaly.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.uip.anomaly.detection.RuleConfig;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;

/**
 * Which rules watch a series: every series is watched for stopping, key events also for drops and spikes, each with
 * the default settings unless a stored rule of the same kind replaces it; and how severe each rule's alerts are.
 */
class RuleBook {

    /** A rule as applied to one series: its detection settings and its alerts' severity. */
    record WatchedRule(RuleConfig config, AlertSeverity severity) {
    }

    /** The rules of a series; empty when the series is not watched (its definition is archived). */
    List<WatchedRule> rules(SeriesId series, EventDefinitionState definition) {
        if (definition != null && definition.getStatus() == DefinitionStatus.ARCHIVED) {
            return List.of();
        }
        boolean keyEvent = definition != null && definition.getKeyEvent();
        AlertSeverity severity = derivedSeverity(definition);
        List<WatchedRule> rules = new ArrayList<>(3);
        rules.add(new WatchedRule(RuleConfig.defaultStopped("STOPPED"), severity));
        if (keyEvent) {
            rules.add(new WatchedRule(RuleConfig.defaultDrop("DROP"), severity));
            rules.add(new WatchedRule(RuleConfig.defaultSpike("SPIKE"), severity));
        }
        return rules;
    }

    /** A key event's alerts are as severe as its criticality; other events' alerts are LOW. */
    static AlertSeverity derivedSeverity(EventDefinitionState definition) {
        if (definition == null || !definition.getKeyEvent() || definition.getCriticality() == null) {
            return AlertSeverity.LOW;
        }
        try {
            return AlertSeverity.valueOf(definition.getCriticality().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return AlertSeverity.MEDIUM;
        }
    }
}
