package dev.uip.definition.alerting.domain;

import java.time.Duration;
import java.util.Locale;

/**
 * The sentences people read about an incident, for example
 * {@code Checkout Completed dropped 83% below expected (12 vs ~70/min)}; bounded in length whatever the names.
 */
public final class AlertTexts {

    /** Longest title. */
    public static final int MAX_TITLE = 300;

    private AlertTexts() {
    }

    public static String openedTitle(Incident incident) {
        return bound(headline(incident));
    }

    public static String repeatedTitle(Incident incident) {
        return bound("Now " + incident.severity().name() + ": " + headline(incident));
    }

    public static String resolvedTitle(Incident incident) {
        String by = Incident.DETECTOR.equals(incident.resolvedBy())
                ? "back to normal"
                : "resolved by "
                        + incident.resolvedBy();
        return bound(subject(incident) + " " + rule(incident) + ": " + by);
    }

    /** A few lines: the headline, severity and paging, rule and window, occurrences, team and the incident's link. */
    public static String body(String title, Incident incident) {
        StringBuilder text = new StringBuilder(title).append('\n');
        text.append("Severity: ").append(incident.severity().name()).append(incident.page() ? " (paging)" : "")
                .append('\n');
        text.append("Rule: ").append(incident.rule()).append(" (detector ").append(incident.detector())
                .append("), window ").append(incident.windowStart()).append(" - ").append(incident.windowEnd())
                .append('\n');
        text.append("Occurrences: ").append(incident.occurrences()).append('\n');
        if (incident.team() != null) {
            text.append("Team: ").append(incident.team()).append('\n');
        }
        if (incident.resolutionNote() != null) {
            text.append("Note: ").append(incident.resolutionNote()).append('\n');
        }
        text.append("Incident: /v1/alerts/").append(incident.id());
        return text.toString();
    }

    /** What happened to the series, with the figures. */
    public static String headline(Incident incident) {
        String what = subject(incident);
        String per = per(Duration.between(incident.windowStart(), incident.windowEnd()));
        String observed = number(incident.observed());
        Double expected = incident.expected();
        String figures = expected == null
                ? " (" + observed + per + ")"
                : " (" + observed + " vs ~" + number(expected) + per + ")";
        return switch (incident.direction()) {
            case "SILENT" -> what + " stopped firing" + figures;
            case "LOW" -> what + (expected != null && expected > 0
                    ? " dropped " + percent(1 - incident.observed() / expected) + "% below expected"
                    : " dropped below expected") + figures;
            case "HIGH" -> what + (expected != null && expected > 0
                    ? " rose " + percent(incident.observed() / expected - 1) + "% above expected"
                    : " rose above expected") + figures;
            case "ABOVE" -> what + " is above its threshold" + figures;
            case "BELOW" -> what + " is below its threshold" + figures;
            default -> what + " departed from what was expected" + figures;
        };
    }

    /** The event's name, or the call type for the nameless ones ({@code identify calls}). */
    public static String subject(Incident incident) {
        if (incident.event() == null || incident.event().isEmpty()) {
            return incident.callType().toLowerCase(Locale.ROOT) + " calls";
        }
        return incident.event();
    }

    private static String rule(Incident incident) {
        return "(" + incident.rule() + ")";
    }

    static String per(Duration window) {
        long seconds = window.getSeconds();
        if (seconds <= 0) {
            return "";
        }
        if (seconds % 3600 == 0) {
            return seconds == 3600 ? "/h" : "/" + seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "/min" : "/" + seconds / 60 + "min";
        }
        return "/" + seconds + "s";
    }

    static String number(double value) {
        if (Math.abs(value) >= 10 || value == Math.rint(value)) {
            return String.valueOf(Math.round(value));
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static long percent(double fraction) {
        return Math.round(Math.abs(fraction) * 100);
    }

    private static String bound(String text) {
        return text.length() <= MAX_TITLE ? text : text.substring(0, MAX_TITLE - 3) + "...";
    }
}
