package dev.uip.anomaly.streams;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jboss.logging.Logger;

import dev.uip.anomaly.detection.RuleConfig;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.AlertRuleState;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;

/**
 * Which rules watch a series: every series is watched for stopping, key events also for drops and spikes, each with
 * the default settings unless a stored rule of the same kind replaces it; and how severe each rule's alerts are.
 */
class RuleBook {

    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    /** A rule as applied to one series: its detection settings and its alerts' severity. */
    record WatchedRule(RuleConfig config, AlertSeverity severity) {
    }

    /** Finds a stored rule by its topic key {@code <workspace>/<CALLTYPE>/<event>/<KIND>}; null when none. */
    interface StoredRules {

        AlertRuleState get(String key);
    }

    private final StoredRules stored;

    RuleBook(StoredRules stored) {
        this.stored = stored;
    }

    /** The topic key of the stored rule of one kind for one series. */
    static String ruleKey(SeriesId series, RuleConfig.Kind kind) {
        return series.storeKey() + "/" + kind.name();
    }

    /**
     * The rules of a series, by kind: the stored rule where there is one (a disabled one watches nothing), else the
     * default of that kind; empty when the series is not watched (its definition is archived).
     */
    List<WatchedRule> rules(SeriesId series, EventDefinitionState definition) {
        if (definition != null && definition.getStatus() == DefinitionStatus.ARCHIVED) {
            return List.of();
        }
        boolean keyEvent = definition != null && definition.getKeyEvent();
        AlertSeverity derived = derivedSeverity(definition);
        List<WatchedRule> rules = new ArrayList<>(3);
        for (RuleConfig.Kind kind : RuleConfig.Kind.values()) {
            AlertRuleState rule = stored.get(ruleKey(series, kind));
            if (rule != null && !rule.getDeleted()) {
                RuleConfig config = config(kind, rule);
                if (config != null) {
                    if (config.enabled()) {
                        AlertSeverity severity = rule.getSeverity() == null
                                ? derived
                                : AlertSeverity.valueOf(rule.getSeverity().name());
                        rules.add(new WatchedRule(config, severity));
                    }
                    continue;
                }
            }
            RuleConfig fallback = switch (kind) {
                case STOPPED -> RuleConfig.defaultStopped(kind.name());
                case DROP -> keyEvent ? RuleConfig.defaultDrop(kind.name()) : null;
                case SPIKE -> keyEvent ? RuleConfig.defaultSpike(kind.name()) : null;
                default -> null;
            };
            if (fallback != null) {
                rules.add(new WatchedRule(fallback, derived));
            }
        }
        return rules;
    }

    /** The detection settings of a stored rule; null (the default applies) when they are not usable. */
    static RuleConfig config(RuleConfig.Kind kind, AlertRuleState rule) {
        try {
            RuleConfig.QuietHours quiet = rule.getQuietHours() == null
                    ? null
                    : new RuleConfig.QuietHours(rule.getQuietHours().getStartHour(),
                            rule.getQuietHours().getEndHour(), ZoneId.of(rule.getQuietHours().getTimeZone()));
            return new RuleConfig(kind.name(), kind, rule.getEnabled(),
                    RuleConfig.Sensitivity.valueOf(rule.getSensitivity().name()), rule.getMinVolume(),
                    rule.getWindowMinutes(), rule.getThreshold(), rule.getPercent(),
                    rule.getDirection() == null ? null : RuleConfig.Direction.valueOf(rule.getDirection().name()),
                    rule.getBaselineMinutes(), quiet);
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring the unusable stored rule %s/%s/%s/%s (the default applies): %s",
                    rule.getWorkspaceId(), rule.getCallType(), rule.getEvent(), kind, e.getMessage());
            return null;
        }
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
