package dev.uip.definition.alerting.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.uip.definition.alerting.domain.Incident;
import dev.uip.definition.alerting.domain.IncidentFilter;
import dev.uip.definition.alerting.domain.InvalidAlertRequestException;
import dev.uip.definition.alerting.domain.ShownStatus;
import dev.uip.definition.alerting.repository.IncidentQueries;
import dev.uip.definition.domain.AlertSeverity;

/** The list's query parameters: filters and the opaque cursor (the last incident's opening time and id). */
final class AlertParams {

    private AlertParams() {
    }

    static IncidentFilter filter(String status, String event, String team, String severity) {
        ShownStatus shown = null;
        if (status != null && !status.isBlank()) {
            shown = ShownStatus.parse(status.strip()).orElseThrow(() -> new InvalidAlertRequestException("status",
                    "status is one of open, acknowledged, snoozed, resolved"));
        }
        AlertSeverity level = null;
        if (severity != null && !severity.isBlank()) {
            try {
                level = AlertSeverity.fromApiName(AlertBodies.text("severity", severity.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidAlertRequestException("severity", "severity is one of low, medium, high, critical");
            }
        }
        return new IncidentFilter(shown, AlertBodies.text("event", event), AlertBodies.text("team", team), level);
    }

    static String cursor(Incident last) {
        String raw = last.openedAt().toString() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static IncidentQueries.Cursor cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(AlertBodies.text("cursor", value)),
                    StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new IncidentQueries.Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new InvalidAlertRequestException("cursor", "cursor must be a nextCursor this API answered");
        }
    }
}
