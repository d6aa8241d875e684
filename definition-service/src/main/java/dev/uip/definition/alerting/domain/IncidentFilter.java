package dev.uip.definition.alerting.domain;

import dev.uip.definition.domain.AlertSeverity;

/** What a list of incidents is narrowed to; null fields do not narrow. */
public record IncidentFilter(ShownStatus status, String event, String team, AlertSeverity severity) {
}
