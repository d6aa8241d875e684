package dev.uip.definition.alerting.domain;

/** Where an incident stands as stored; snoozing is a separate time (see {@link ShownStatus}). */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
