package dev.uip.anomaly.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.uip.schemas.AlertContribution;
import dev.uip.schemas.AnomalyAlert;

/** An alert as the REST API shows it (the fields of {@link AnomalyAlert}). */
public record AlertView(String alertId, String type, String event, String ownerTeam, boolean keyEvent,
        String severity, String rule, String detector, String direction, String state, double observed,
        Double expected, Instant windowStart, Instant windowEnd, Instant openedAt, Instant resolvedAt,
        List<Contribution> breakdown) {

    /** Where the change happened: one dimension value observed against its usual share. */
    public record Contribution(String dimension, String value, double observed, double expected) {
    }

    public static AlertView of(AnomalyAlert a) {
        return new AlertView(a.getAlertId(), a.getCallType().name().toLowerCase(Locale.ROOT),
                a.getEvent(), a.getOwnerTeam(), a.getKeyEvent(), a.getSeverity().name(), a.getRule(),
                a.getDetector(), a.getDirection(), a.getState().name(), a.getObserved(), a.getExpected(),
                a.getWindowStart(), a.getWindowEnd(), a.getOpenedAt(), a.getResolvedAt(),
                a.getBreakdown().stream().map(AlertView::contribution).toList());
    }

    private static Contribution contribution(AlertContribution c) {
        return new Contribution(c.getDimension(), c.getValue(), c.getObserved(), c.getExpected());
    }
}
