package dev.uip.definition.alerting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.uip.definition.alerting.domain.DetectorAlert;
import dev.uip.definition.domain.AlertSeverity;
import dev.uip.schemas.AlertContribution;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;

/** Turns the detector's Avro alert into the inbox's {@link DetectorAlert}. */
final class AlertRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    // The breakdown is shown, not queried: the first few contributions are enough.
    private static final int MAX_CONTRIBUTIONS = 20;

    private AlertRecords() {
    }

    static DetectorAlert of(AnomalyAlert record) {
        ArrayNode breakdown = JSON.createArrayNode();
        if (record.getBreakdown() != null) {
            record.getBreakdown().stream().limit(MAX_CONTRIBUTIONS).forEach((AlertContribution c) -> breakdown
                    .addObject().put("dimension", bounded(c.getDimension())).put("value", bounded(c.getValue()))
                    .put("observed", finite(c.getObserved())).put("expected", finite(c.getExpected())));
        }
        return new DetectorAlert(record.getAlertId(), record.getWorkspaceId(),
                record.getCallType() == null ? null : record.getCallType().name(), record.getEvent(),
                record.getOwnerTeam(), record.getKeyEvent(),
                record.getSeverity() == null ? null : AlertSeverity.valueOf(record.getSeverity().name()),
                record.getRule(), record.getDetector(), record.getDirection(), record.getState() == AlertState.OPENED,
                record.getObserved(), record.getExpected(), record.getWindowStart(), record.getWindowEnd(),
                record.getOpenedAt(), record.getResolvedAt(), breakdown.toString(), record.getEmittedAt());
    }

    private static String bounded(String value) {
        return value == null ? "" : value.length() <= 200 ? value : value.substring(0, 200);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
