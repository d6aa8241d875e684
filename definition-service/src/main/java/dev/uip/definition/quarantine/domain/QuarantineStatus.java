package dev.uip.definition.quarantine.domain;

/** Where a quarantined event stands: waiting, being released, released into validated, or discarded. */
public enum QuarantineStatus {
    QUARANTINED, RELEASING, RELEASED, DISCARDED
}
