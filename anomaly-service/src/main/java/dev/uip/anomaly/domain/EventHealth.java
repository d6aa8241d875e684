package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.List;

/**
 * One event of a workspace with its current health, as the events API lists it.
 *
 * @param type the call type
 * @param event the event, page or screen name
 * @param keyEvent whether its definition marks it as a key event
 * @param criticality the definition's criticality, or null
 * @param ownerTeam the owning team, or null
 * @param health healthy, anomalous, silent, failing-validation or no-data (a defined event never seen)
 * @param lastSeen when its last event happened, or null
 * @param openAlerts its open alerts
 */
public record EventHealth(String type, String event, boolean keyEvent, String criticality, String ownerTeam,
        String health, Instant lastSeen, List<AlertView> openAlerts) {
}
