package dev.uip.definition.alerting.domain;

import java.time.Instant;

import dev.uip.definition.domain.AlertSeverity;

/**
 * One alert record of the detector (usage-alerts) in the inbox's terms: an alert opened or resolved for one series
 * (call type and event) and rule of a workspace.
 *
 * @param event the event, page or screen name; empty for identify, group and alias
 * @param expected what the detector expected in the window; null when it had no estimate
 */
public record DetectorAlert(String alertId, String workspaceId, String callType, String event, String ownerTeam,
        boolean keyEvent, AlertSeverity severity, String rule, String detector, String direction, boolean opened,
        double observed, Double expected, Instant windowStart, Instant windowEnd, Instant openedAt,
        Instant resolvedAt, String breakdownJson, Instant emittedAt) {
}
