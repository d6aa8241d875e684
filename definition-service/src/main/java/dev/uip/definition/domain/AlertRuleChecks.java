package dev.uip.definition.domain;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Checks an alert rule before anything is stored and fills in its defaults; every refusal names the field. */
public final class AlertRuleChecks {

    public static final int MAX_WINDOW_MINUTES = 1440;
    public static final int DEFAULT_BASELINE_MINUTES = 1440;
    public static final int MAX_BASELINE_MINUTES = 10_080;
    public static final double MAX_PERCENT = 1000;
    /** No count per window comes near this; it only keeps stored numbers sane. */
    public static final double MAX_COUNT = 1e12;
    static final int MAX_ZONE_LENGTH = 64;

    private AlertRuleChecks() {
    }

    /** Why {@code event} cannot name a rule's series of {@code callType}, or null when it can. */
    public static String eventProblem(RuleCallType callType, String event) {
        if (!callType.hasEvent()) {
            return event == null || event.isEmpty() ? null : callType.apiName() + " rules have no event";
        }
        if (event == null || event.isBlank()) {
            return "the event name is required for " + callType.apiName() + " rules";
        }
        if (event.length() > DefinitionRules.MAX_NAME_LENGTH || !event.equals(event.strip())) {
            return "the event name is at most " + DefinitionRules.MAX_NAME_LENGTH
                    + " characters without leading or trailing spaces";
        }
        if (event.chars().anyMatch(c -> Character.isISOControl(c) || c == '/')) {
            return "the event name must not contain control characters or '/'";
        }
        if (event.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            return "the event name must not contain lone surrogates";
        }
        return null;
    }

    /** The rule as it will be stored: checked against its kind, with every default filled in. */
    public static AlertRuleSettings check(RuleKind kind, AlertRuleSettings given) {
        double minVolume = given.minVolume() == null ? 0 : count("minVolume", given.minVolume());
        int window = given.windowMinutes() == null
                ? 1
                : range("windowMinutes", given.windowMinutes(), 1,
                        MAX_WINDOW_MINUTES);
        Double threshold = only(kind.usesThreshold(), "threshold", given.threshold(), "above and below");
        if (kind.usesThreshold()) {
            threshold = count("threshold", required("threshold", threshold, " for above and below rules"));
        }
        boolean percentChange = kind == RuleKind.PERCENT_CHANGE;
        Double percent = only(percentChange, "percent", given.percent(), "percent_change");
        ChangeDirection direction = only(percentChange, "direction", given.direction(), "percent_change");
        Integer baseline = only(percentChange, "baselineMinutes", given.baselineMinutes(), "percent_change");
        if (percentChange) {
            required("percent", percent, " for percent_change rules");
            if (!Double.isFinite(percent) || percent <= 0 || percent > MAX_PERCENT) {
                throw new InvalidRuleException("percent", "percent must be more than 0 and at most 1000");
            }
            direction = direction == null ? ChangeDirection.BOTH : direction;
            baseline = baseline == null
                    ? DEFAULT_BASELINE_MINUTES
                    : range("baselineMinutes", baseline, 1,
                            MAX_BASELINE_MINUTES);
        }
        return new AlertRuleSettings(given.enabled() == null || given.enabled(),
                given.sensitivity() == null ? RuleSensitivity.MEDIUM : given.sensitivity(), minVolume, window,
                threshold, percent, direction, baseline, quietHours(given.quietHours()), given.severity());
    }

    private static QuietHours quietHours(QuietHours given) {
        if (given == null) {
            return null;
        }
        int start = range("quietHours.startHour", required("quietHours.startHour", given.startHour(), ""), 0, 23);
        int end = range("quietHours.endHour", required("quietHours.endHour", given.endHour(), ""), 0, 23);
        if (start == end) {
            throw new InvalidRuleException("quietHours.endHour", "quiet hours from " + start + " to " + end
                    + " are empty; leave quietHours out for none");
        }
        return new QuietHours(start, end, zone(given.timeZone()));
    }

    /** An IANA region id as java.time knows it ("UTC" when none); offsets like "+02:00" are not time zones. */
    private static String zone(String given) {
        if (given == null) {
            return "UTC";
        }
        String problem = "quietHours.timeZone must be an IANA time zone such as 'Europe/Berlin' or 'UTC'";
        if (given.isEmpty() || given.length() > MAX_ZONE_LENGTH || !ZoneId.getAvailableZoneIds().contains(given)) {
            throw new InvalidRuleException("quietHours.timeZone", problem);
        }
        try {
            return ZoneId.of(given).getId();
        } catch (DateTimeException e) {
            throw new InvalidRuleException("quietHours.timeZone", problem);
        }
    }

    private static <T> T only(boolean applies, String field, T value, String kinds) {
        if (!applies && value != null) {
            throw new InvalidRuleException(field, field + " applies to " + kinds + " rules only");
        }
        return value;
    }

    private static <T> T required(String field, T value, String when) {
        if (value == null) {
            throw new InvalidRuleException(field, field + " is required" + when);
        }
        return value;
    }

    private static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRuleException(field, field + " must be from " + min + " to " + max);
        }
        return value;
    }

    /** A finite number from 0 to {@link #MAX_COUNT}. */
    private static double count(String field, double value) {
        if (!Double.isFinite(value) || value < 0 || value > MAX_COUNT) {
            throw new InvalidRuleException(field, field + " must be a number from 0 to 1e12");
        }
        return value;
    }
}
