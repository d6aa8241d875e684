package dev.uip.anomaly.domain;

/**
 * The body of a rule preview: which series, the rule (the fields of an alert rule's PUT body in definition-service)
 * and the time range whose stored history it is run over.
 *
 * @param type the call type: track (default), page, screen, identify, group or alias
 * @param event the event name (track, required), page or screen name; none for identify, group and alias
 * @param kind STOPPED, DROP, SPIKE, ABOVE, BELOW or PERCENT_CHANGE
 * @param rule the rule's settings; null = the defaults of the kind
 * @param from start of the range (ISO-8601 instant); null = 24 hours before {@code to}
 * @param to end of the range (exclusive); null = now
 * @param granularity minute, hour or day; null = the finest whose stored history reaches back to {@code from}
 */
public record RulePreviewRequest(String type, String event, String kind, Rule rule, String from, String to,
        String granularity) {

    /** A rule's settings, as in definition-service's alert rule body (every field optional). */
    public record Rule(Boolean enabled, String sensitivity, Double minVolume, Integer windowMinutes, Double threshold,
            Double percent, String direction, Integer baselineMinutes, QuietHours quietHours, String severity) {
    }

    /** No alert opens while the local hour is in [startHour, endHour). */
    public record QuietHours(Integer startHour, Integer endHour, String timeZone) {
    }
}
