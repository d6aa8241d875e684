package dev.uip.anomaly.detection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How one event series is watched by one rule (the detection side of the alert-rule contract in RULES.md): the
 * kind, its settings, and a stable {@code key} chosen by the caller under which the rule's state is kept. The
 * constructor validates and fills the per-kind defaults; invalid settings throw {@link IllegalArgumentException}
 * with a message naming the field.
 *
 * @param key stable identity of the rule within its series (e.g. the rule's topic key), 1..1024 chars
 * @param kind what the rule watches for
 * @param enabled false = the rule raises nothing and keeps no state
 * @param sensitivity HIGH alerts sooner and on smaller changes; null = MEDIUM
 * @param minVolume DROP, SPIKE and PERCENT_CHANGE do not fire while the expected count per window is below it
 * @param windowMinutes the evaluation window, 1..1440 (buckets are summed into tumbling windows of this length)
 * @param threshold required for ABOVE and BELOW (>= 0), refused for other kinds
 * @param percent required for PERCENT_CHANGE, in (0, 1000], refused for other kinds
 * @param direction PERCENT_CHANGE only; null = BOTH
 * @param baselineMinutes PERCENT_CHANGE only, 1..10080; null = 1440 (the same window one day earlier)
 * @param quietHours no alert of this rule opens while the local hour is in the range; null = none
 */
public record RuleConfig(String key, Kind kind, boolean enabled, Sensitivity sensitivity, double minVolume,
        int windowMinutes, Double threshold, Double percent, Direction direction, Integer baselineMinutes,
        QuietHours quietHours) {

    /** Longest accepted rule key. */
    public static final int MAX_KEY_LENGTH = 1024;

    /** What a rule watches for. */
    public enum Kind {
        STOPPED, DROP, SPIKE, ABOVE, BELOW, PERCENT_CHANGE
    }

    /** How readily a rule alerts; each level scales the detectors' thresholds by {@link #factor()}. */
    public enum Sensitivity {

        LOW(1.35), MEDIUM(1.0), HIGH(0.75);

        private final double factor;

        Sensitivity(double factor) {
            this.factor = factor;
        }

        /** Multiplier of the detectors' thresholds (below 1 = alerts on smaller deviations). */
        public double factor() {
            return factor;
        }
    }

    /** Which changes a PERCENT_CHANGE rule alerts on. */
    public enum Direction {
        UP, DOWN, BOTH
    }

    /**
     * Hours in which no alert opens: local hour in [startHour, endHour), wrapping midnight when start > end; equal
     * hours mean no quiet time.
     *
     * @param timeZone the zone of the hours; null = UTC
     */
    public record QuietHours(int startHour, int endHour, ZoneId timeZone) {

        public QuietHours {
            if (startHour < 0 || startHour > 23) {
                throw new IllegalArgumentException("quietHours.startHour must be 0..23, was " + startHour);
            }
            if (endHour < 0 || endHour > 23) {
                throw new IllegalArgumentException("quietHours.endHour must be 0..23, was " + endHour);
            }
            timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        }

        /** Whether the instant falls in the quiet hours. */
        public boolean contains(long epochSecond) {
            int hour = Instant.ofEpochSecond(epochSecond).atZone(timeZone).getHour();
            return startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
        }
    }

    public RuleConfig {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key must be 1.." + MAX_KEY_LENGTH + " characters");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        sensitivity = sensitivity == null ? Sensitivity.MEDIUM : sensitivity;
        if (!(minVolume >= 0) || Double.isInfinite(minVolume)) {
            throw new IllegalArgumentException("minVolume must be a finite number >= 0, was " + minVolume);
        }
        if (windowMinutes < 1 || windowMinutes > 1440) {
            throw new IllegalArgumentException("windowMinutes must be 1..1440, was " + windowMinutes);
        }
        boolean bound = kind == Kind.ABOVE || kind == Kind.BELOW;
        if (bound && (threshold == null || !(threshold >= 0) || threshold.isInfinite())) {
            throw new IllegalArgumentException(
                    "threshold is required for " + kind + " and must be a finite number >= 0");
        }
        if (!bound && threshold != null) {
            throw new IllegalArgumentException("threshold is only allowed for ABOVE and BELOW");
        }
        boolean change = kind == Kind.PERCENT_CHANGE;
        if (change) {
            if (percent == null || !(percent > 0 && percent <= 1000)) {
                throw new IllegalArgumentException("percent is required for PERCENT_CHANGE and must be in (0, 1000]");
            }
            direction = direction == null ? Direction.BOTH : direction;
            baselineMinutes = baselineMinutes == null ? 1440 : baselineMinutes;
            if (baselineMinutes < 1 || baselineMinutes > 10080) {
                throw new IllegalArgumentException("baselineMinutes must be 1..10080, was " + baselineMinutes);
            }
        } else {
            if (percent != null) {
                throw new IllegalArgumentException("percent is only allowed for PERCENT_CHANGE");
            }
            if (direction != null) {
                throw new IllegalArgumentException("direction is only allowed for PERCENT_CHANGE");
            }
            if (baselineMinutes != null) {
                throw new IllegalArgumentException("baselineMinutes is only allowed for PERCENT_CHANGE");
            }
        }
    }

    /** The default STOPPED rule: enabled, MEDIUM, one-minute window. */
    public static RuleConfig defaultStopped(String key) {
        return of(key, Kind.STOPPED);
    }

    /** The default DROP rule: enabled, MEDIUM, no minimum volume, one-minute window. */
    public static RuleConfig defaultDrop(String key) {
        return of(key, Kind.DROP);
    }

    /** The default SPIKE rule: enabled, MEDIUM, no minimum volume, one-minute window. */
    public static RuleConfig defaultSpike(String key) {
        return of(key, Kind.SPIKE);
    }

    /** A STOPPED, DROP or SPIKE rule with every default setting. */
    public static RuleConfig of(String key, Kind kind) {
        return new RuleConfig(key, kind, true, Sensitivity.MEDIUM, 0, 1, null, null, null, null, null);
    }

    /** A copy with another sensitivity. */
    public RuleConfig withSensitivity(Sensitivity value) {
        return new RuleConfig(key, kind, enabled, value, minVolume, windowMinutes, threshold, percent, direction,
                baselineMinutes, quietHours);
    }

    /** A copy with another evaluation window. */
    public RuleConfig withWindowMinutes(int value) {
        return new RuleConfig(key, kind, enabled, sensitivity, minVolume, value, threshold, percent, direction,
                baselineMinutes, quietHours);
    }

    /** A copy with another minimum volume. */
    public RuleConfig withMinVolume(double value) {
        return new RuleConfig(key, kind, enabled, sensitivity, value, windowMinutes, threshold, percent, direction,
                baselineMinutes, quietHours);
    }

    /** A copy with quiet hours. */
    public RuleConfig withQuietHours(QuietHours value) {
        return new RuleConfig(key, kind, enabled, sensitivity, minVolume, windowMinutes, threshold, percent,
                direction, baselineMinutes, value);
    }

    /** A copy that is enabled or not. */
    public RuleConfig withEnabled(boolean value) {
        return new RuleConfig(key, kind, value, sensitivity, minVolume, windowMinutes, threshold, percent, direction,
                baselineMinutes, quietHours);
    }

    /** An ABOVE or BELOW rule on the window's total. */
    public static RuleConfig bound(String key, Kind kind, double threshold, int windowMinutes) {
        return new RuleConfig(key, kind, true, Sensitivity.MEDIUM, 0, windowMinutes, threshold, null, null, null, null);
    }

    /** A PERCENT_CHANGE rule against the same window {@code baselineMinutes} earlier. */
    public static RuleConfig percentChange(String key, double percent, Direction direction, int windowMinutes,
            int baselineMinutes) {
        return new RuleConfig(key, Kind.PERCENT_CHANGE, true, Sensitivity.MEDIUM, 0, windowMinutes, null, percent,
                direction, baselineMinutes, null);
    }
}
