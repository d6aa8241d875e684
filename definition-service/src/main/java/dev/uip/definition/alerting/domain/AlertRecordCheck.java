package dev.uip.definition.alerting.domain;

import java.util.Set;

import dev.uip.schemas.names.WorkspaceIds;

/** Why an alert record cannot be stored (it is skipped and counted), or null when it can. */
public final class AlertRecordCheck {

    static final int MAX_ID = 200;
    static final int MAX_NAME = 200;
    static final int MAX_WORD = 40;
    static final Set<String> CALL_TYPES = Set.of("TRACK", "IDENTIFY", "PAGE", "SCREEN", "GROUP", "ALIAS");

    private AlertRecordCheck() {
    }

    public static String problem(DetectorAlert alert) {
        if (!WorkspaceIds.isValid(alert.workspaceId())) {
            return "bad_workspace";
        }
        if (blankOrLong(alert.alertId(), MAX_ID)) {
            return "bad_alert_id";
        }
        if (!CALL_TYPES.contains(alert.callType()) || alert.event() == null || alert.event().length() > MAX_NAME
                || (alert.ownerTeam() != null && alert.ownerTeam().length() > MAX_NAME)) {
            return "bad_series";
        }
        if (blankOrLong(alert.rule(), MAX_WORD) || blankOrLong(alert.detector(), MAX_WORD)
                || blankOrLong(alert.direction(), MAX_WORD)) {
            return "bad_rule";
        }
        if (!Double.isFinite(alert.observed()) || (alert.expected() != null && !Double.isFinite(alert.expected()))) {
            return "bad_figures";
        }
        if (alert.windowStart() == null || alert.windowEnd() == null || alert.windowEnd().isBefore(
                alert.windowStart()) || alert.emittedAt() == null) {
            return "bad_window";
        }
        return null;
    }

    private static boolean blankOrLong(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }
}
