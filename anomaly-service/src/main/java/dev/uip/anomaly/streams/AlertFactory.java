package dev.uip.anomaly.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.uip.anomaly.detection.RuleAlert;
import dev.uip.anomaly.detection.ViolationRateWatch;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.Dimension;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.anomaly.trend.SeriesMeta;
import dev.uip.schemas.AlertContribution;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.EventDefinitionState;

/**
 * Builds {@link AnomalyAlert}s: a stable id per series, rule and opening bucket, the owner and severity, and the
 * breakdown of where the change happened (each dimension value's count in the alert's window against its usual
 * share of the series over the hour before).
 */
class AlertFactory {

    /** How far back the usual share of each dimension value is taken from. */
    static final long BASELINE_MS = 60 * 60_000L;
    /** Most contributions an alert lists. */
    static final int MAX_CONTRIBUTIONS = 5;

    private final WindowStore<String, byte[]> buckets;
    private final long bucketMs;

    AlertFactory(WindowStore<String, byte[]> buckets, long bucketMs) {
        this.buckets = buckets;
        this.bucketMs = bucketMs;
    }

    AnomalyAlert opened(SeriesId id, EventDefinitionState definition, RuleBook.WatchedRule rule, RuleAlert change,
            long now) {
        long windowStart = change.windowStart() * 1000;
        long windowEnd = change.windowEnd() * 1000;
        String alertId = UUID.nameUUIDFromBytes((id.storeKey() + "\n" + change.ruleKey() + "\n" + windowStart)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return base(id, definition, alertId, rule.severity(), change.kind().name(), change.detector(),
                change.verdict().name())
                .setState(AlertState.OPENED)
                .setObserved(change.observed())
                .setExpected(Double.isNaN(change.expected()) ? null : change.expected())
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setOpenedAt(Instant.ofEpochMilli(windowStart))
                .setResolvedAt(null)
                .setBreakdown(breakdown(id.storeKey(), windowStart, windowEnd, change.expected()))
                .setEmittedAt(Instant.ofEpochMilli(now))
                .build();
    }

    /**
     * A violation-rate alert opening: {@code observed} and {@code expected} are the share of violations in the
     * window and the share that opens an alert.
     */
    AnomalyAlert violationRateOpened(SeriesId id, EventDefinitionState definition, double observed, double expected,
            long windowStart, long windowEnd, long now) {
        String alertId = UUID.nameUUIDFromBytes((id.storeKey() + "\n" + ViolationRateWatch.RULE + "\n" + windowStart)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return base(id, definition, alertId, RuleBook.derivedSeverity(definition), ViolationRateWatch.RULE,
                ViolationRateWatch.DETECTOR, "UP")
                .setState(AlertState.OPENED)
                .setObserved(observed)
                .setExpected(expected)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setOpenedAt(Instant.ofEpochMilli(windowStart))
                .setResolvedAt(null)
                .setBreakdown(List.of())
                .setEmittedAt(Instant.ofEpochMilli(now))
                .build();
    }

    AnomalyAlert resolved(SeriesId id, EventDefinitionState definition, SeriesMeta.OpenAlert open, double observed,
            double expected, long windowStart, long windowEnd, long now) {
        return base(id, definition, open.alertId(), AlertSeverity.valueOf(open.severity()), open.kind(),
                open.detector(), open.direction())
                .setState(AlertState.RESOLVED)
                .setObserved(Double.isNaN(observed) ? 0 : observed)
                .setExpected(Double.isNaN(expected) ? null : expected)
                .setWindowStart(Instant.ofEpochMilli(windowStart))
                .setWindowEnd(Instant.ofEpochMilli(windowEnd))
                .setOpenedAt(Instant.ofEpochMilli(open.openedAt()))
                .setResolvedAt(Instant.ofEpochMilli(windowEnd))
                .setBreakdown(List.of())
                .setEmittedAt(Instant.ofEpochMilli(now))
                .build();
    }

    private static AnomalyAlert.Builder base(SeriesId id, EventDefinitionState definition, String alertId,
            AlertSeverity severity, String kind, String detector, String direction) {
        return AnomalyAlert.newBuilder()
                .setAlertId(alertId)
                .setWorkspaceId(id.workspaceId())
                .setCallType(id.type())
                .setEvent(id.name())
                .setOwnerTeam(definition == null ? null : definition.getOwnerTeam())
                .setKeyEvent(definition != null && definition.getKeyEvent())
                .setSeverity(severity)
                .setRule(kind)
                .setDetector(detector)
                .setDirection(direction);
    }

    /** The dimension values whose count in the window departs most from their usual share of the expected count. */
    private List<AlertContribution> breakdown(String key, long windowStart, long windowEnd, double expected) {
        Bucket window = new Bucket();
        Bucket baseline = new Bucket();
        try (WindowStoreIterator<byte[]> iterator = buckets.fetch(key, windowStart - BASELINE_MS,
                windowEnd - bucketMs)) {
            iterator.forEachRemaining(entry -> (entry.key >= windowStart ? window : baseline)
                    .addAll(Bucket.decode(entry.value)));
        }
        if (baseline.count() == 0) {
            return List.of();
        }
        long windowBuckets = Math.max(1, (windowEnd - windowStart) / bucketMs);
        double usualTotal = Double.isNaN(expected)
                ? baseline.count() * (double) windowBuckets * bucketMs / BASELINE_MS
                : expected;
        List<AlertContribution> contributions = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            Map<String, Long> usual = baseline.breakdown(dimension);
            long usualSum = usual.values().stream().mapToLong(Long::longValue).sum();
            if (usualSum == 0) {
                continue;
            }
            Map<String, Double> values = new HashMap<>();
            usual.forEach((value, n) -> values.put(value, usualTotal * n / usualSum));
            window.breakdown(dimension).keySet().forEach(value -> values.putIfAbsent(value, 0.0));
            values.forEach((value, usualCount) -> contributions.add(AlertContribution.newBuilder()
                    .setDimension(dimension.apiName()).setValue(value)
                    .setObserved(window.breakdown(dimension).getOrDefault(value, 0L))
                    .setExpected(Math.round(usualCount * 100) / 100.0).build()));
        }
        contributions.sort(Comparator.comparingDouble((AlertContribution c) -> -Math.abs(c.getObserved() - c
                .getExpected())));
        return contributions.size() <= MAX_CONTRIBUTIONS
                ? contributions
                : new ArrayList<>(contributions.subList(0, MAX_CONTRIBUTIONS));
    }
}
