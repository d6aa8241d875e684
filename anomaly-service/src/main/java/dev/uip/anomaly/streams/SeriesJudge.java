package dev.uip.anomaly.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jboss.logging.Logger;

import dev.uip.anomaly.detection.AlertGate;
import dev.uip.anomaly.detection.RuleAlert;
import dev.uip.anomaly.detection.RuleConfig;
import dev.uip.anomaly.detection.SeriesMonitor;
import dev.uip.anomaly.detection.ViolationRateWatch;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.anomaly.trend.SeriesMeta;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;

/**
 * Judges one series' closed buckets with its rules' {@link SeriesMonitor} (restored from and saved to the monitor
 * store), turns what opens or resolves into {@link AnomalyAlert}s (forwarded and kept for queries), and after each
 * pass records every workspace's critical gap rate.
 */
class SeriesJudge {

    private static final Logger LOG = Logger.getLogger(SeriesJudge.class);

    /** Creates the judge of one task, bound to its stores. */
    interface Factory {

        SeriesJudge create(ProcessorContext<String, AnomalyAlert> context);
    }

    /** How long a quarantined event marks its series as failing validation. */
    static final long FAILING_FOR_MS = 15 * 60_000L;

    private final ProcessorContext<String, AnomalyAlert> context;
    private final DefinitionLookup definitions;
    private final RuleBook ruleBook;
    private final AlertFactory alerts;
    private final long bucketMs;
    private final int maxCatchUp;
    private final long resolvedRetentionMs;
    private final KeyValueStore<String, byte[]> monitors;
    private final KeyValueStore<String, byte[]> alertStore;
    private final WindowStore<String, byte[]> buckets;
    private final WindowStore<String, byte[]> gapRates;
    private final Map<String, Set<String>> criticalKeyEvents = new HashMap<>();
    private long lastPurge;

    SeriesJudge(ProcessorContext<String, AnomalyAlert> context, DefinitionLookup definitions,
            RuleBook ruleBook, long bucketMs, int maxCatchUp, long resolvedRetentionMs) {
        this.context = context;
        this.definitions = definitions;
        this.ruleBook = ruleBook;
        this.bucketMs = bucketMs;
        this.maxCatchUp = maxCatchUp;
        this.resolvedRetentionMs = resolvedRetentionMs;
        this.monitors = context.getStateStore(TrendStores.MONITORS);
        this.alertStore = context.getStateStore(TrendStores.ALERTS);
        this.buckets = context.getStateStore(TrendStores.BUCKETS);
        this.gapRates = context.getStateStore(TrendStores.GAP_RATES);
        this.alerts = new AlertFactory(buckets, bucketMs);
    }

    /** Judges the buckets of {@code id} after {@code meta.lastJudged} up to {@code closed} (a bucket start). */
    void judge(SeriesId id, SeriesMeta meta, long closed, long now) {
        long from = Math.max(meta.lastJudged + bucketMs, closed - (maxCatchUp - 1L) * bucketMs);
        EventDefinitionState definition = id.type() == MessageType.TRACK
                ? definitions.get(id.workspaceId(), id.name())
                : null;
        List<RuleBook.WatchedRule> rules = ruleBook.rules(id, definition);
        String key = id.storeKey();
        if (from <= closed && !rules.isEmpty()) {
            List<RuleConfig> configs = rules.stream().map(RuleBook.WatchedRule::config).toList();
            byte[] snapshot = monitors.get(key);
            long bucketSeconds = bucketMs / 1000;
            SeriesMonitor monitor = snapshot == null
                    ? SeriesMonitor.create(bucketSeconds, configs)
                    : SeriesMonitor.restore(bucketSeconds, configs, snapshot);
            Map<Long, Long> counts = counts(key, from, closed);
            for (long bucket = from; bucket <= closed; bucket += bucketMs) {
                for (RuleAlert change : monitor.observe(bucket / 1000, counts.getOrDefault(bucket, 0L))) {
                    apply(id, meta, definition, rules, change, now);
                }
            }
            monitors.put(key, monitor.snapshot());
        }
        if (from <= closed) {
            meta.lastJudged = closed;
        }
        resolveRemovedRules(id, meta, definition, rules, closed, now);
        if (from <= closed) {
            watchViolationRate(id, meta, definition, closed, now);
        }
        boolean failing = meta.lastQuarantined >= now - FAILING_FOR_MS;
        boolean critical = failing || meta.openAlerts.values().stream().anyMatch(open -> open
                .severity().equals(AlertSeverity.HIGH.name())
                || open.severity().equals(AlertSeverity.CRITICAL
                        .name()));
        if (definition != null && definition.getKeyEvent()) {
            Set<String> set = criticalKeyEvents.computeIfAbsent(id.workspaceId(), ws -> new HashSet<>());
            if (critical) {
                set.add(id.name());
            }
        }
    }

    /** Forgets a series' detection state (the series itself was forgotten). */
    void forget(String seriesKey) {
        monitors.delete(seriesKey);
    }

    /** Records the critical gap rate of every workspace judged in this pass, and purges old resolved alerts. */
    void afterPass(long closed, long now) {
        for (Map.Entry<String, Set<String>> workspace : criticalKeyEvents.entrySet()) {
            int keyEvents = definitions.activeKeyEvents(workspace.getKey());
            if (keyEvents > 0) {
                gapRates.put(workspace.getKey(), GapRate.encode(keyEvents,
                        Math.min(keyEvents, workspace.getValue().size())), closed);
            }
        }
        criticalKeyEvents.clear();
        if (now - lastPurge >= 3_600_000L) {
            lastPurge = now;
            purgeResolved(now);
        }
    }

    private void apply(SeriesId id, SeriesMeta meta, EventDefinitionState definition,
            List<RuleBook.WatchedRule> rules, RuleAlert change, long now) {
        RuleBook.WatchedRule rule = rules.stream().filter(r -> r.config().key().equals(change.ruleKey()))
                .findFirst().orElse(null);
        if (rule == null) {
            return;
        }
        AnomalyAlert alert;
        if (change.transition() == AlertGate.Transition.OPENED) {
            if (meta.openAlerts.containsKey(change.ruleKey())) {
                return; // one open alert per rule
            }
            alert = alerts.opened(id, definition, rule, change, now);
            meta.openAlerts.put(change.ruleKey(), new SeriesMeta.OpenAlert(alert.getAlertId(), alert.getOpenedAt()
                    .toEpochMilli(), alert.getSeverity().name(), alert.getRule(), alert.getDetector(),
                    alert.getDirection()));
        } else {
            SeriesMeta.OpenAlert open = meta.openAlerts.remove(change.ruleKey());
            if (open == null) {
                return;
            }
            alert = alerts.resolved(id, definition, open, change.observed(), change.expected(),
                    change.windowStart() * 1000, change.windowEnd() * 1000, now);
        }
        emit(alert, now);
    }

    /**
     * The share of invalid events of a defined, active event over the last buckets up to {@code closed}: an alert
     * opens when it is high (see {@link ViolationRateWatch#DEFAULT}) and resolves when it fell back, or at once when
     * the event is no longer defined and active.
     */
    private void watchViolationRate(SeriesId id, SeriesMeta meta, EventDefinitionState definition, long closed,
            long now) {
        boolean open = meta.openAlerts.containsKey(ViolationRateWatch.RULE);
        boolean watched = definition != null && definition.getStatus() == DefinitionStatus.ACTIVE;
        if (!watched && !open) {
            return;
        }
        ViolationRateWatch watch = ViolationRateWatch.DEFAULT;
        long windowStart = closed - (watch.windowBuckets() - 1L) * bucketMs;
        long events = 0;
        long violations = 0;
        try (WindowStoreIterator<byte[]> iterator = buckets.fetch(id.storeKey(), windowStart, closed)) {
            while (iterator.hasNext()) {
                Bucket bucket = Bucket.decode(iterator.next().value);
                events += bucket.count() + bucket.quarantined();
                violations += bucket.warned() + bucket.quarantined();
            }
        }
        double rate = ViolationRateWatch.rate(events, violations);
        ViolationRateWatch.Decision decision = watched
                ? watch.decide(events, violations, open)
                : ViolationRateWatch.Decision.RESOLVE;
        if (decision == ViolationRateWatch.Decision.OPEN) {
            AnomalyAlert alert = alerts.violationRateOpened(id, definition, rate, watch.openRate(), windowStart,
                    closed + bucketMs, now);
            meta.openAlerts.put(ViolationRateWatch.RULE, new SeriesMeta.OpenAlert(alert.getAlertId(), alert
                    .getOpenedAt().toEpochMilli(), alert.getSeverity().name(), alert.getRule(), alert.getDetector(),
                    alert.getDirection()));
            emit(alert, now);
        } else if (decision == ViolationRateWatch.Decision.RESOLVE && open) {
            SeriesMeta.OpenAlert alert = meta.openAlerts.remove(ViolationRateWatch.RULE);
            emit(alerts.resolved(id, definition, alert, rate, watch.resolveRate(), windowStart, closed + bucketMs,
                    now), now);
        }
    }

    /** An open alert whose rule no longer applies (disabled, deleted, event archived) resolves now. */
    private void resolveRemovedRules(SeriesId id, SeriesMeta meta, EventDefinitionState definition,
            List<RuleBook.WatchedRule> rules, long closed, long now) {
        Set<String> current = new HashSet<>();
        rules.forEach(rule -> current.add(rule.config().key()));
        for (String ruleKey : new ArrayList<>(meta.openAlerts.keySet())) {
            // the violation-rate alert is no rule's: it is resolved by its own watch
            if (!current.contains(ruleKey) && !ruleKey.equals(ViolationRateWatch.RULE)) {
                SeriesMeta.OpenAlert open = meta.openAlerts.remove(ruleKey);
                emit(alerts.resolved(id, definition, open, Double.NaN, Double.NaN, closed, closed + bucketMs, now),
                        now);
            }
        }
    }

    private void emit(AnomalyAlert alert, long now) {
        LOG.debugf("Alert %s %s: %s of %s/%s %s (observed %s, expected %s)", alert.getAlertId(), alert.getState(),
                alert.getRule(), alert.getWorkspaceId(), alert.getCallType(), alert.getEvent(), alert.getObserved(),
                alert.getExpected());
        alertStore.put(alert.getWorkspaceId() + "/" + alert.getAlertId(), AlertCodec.encode(alert));
        context.forward(new Record<>(alert.getWorkspaceId(), alert, now));
    }

    private Map<Long, Long> counts(String key, long from, long to) {
        Map<Long, Long> counts = new HashMap<>();
        try (WindowStoreIterator<byte[]> iterator = buckets.fetch(key, from, to)) {
            iterator.forEachRemaining(entry -> counts.put(entry.key, Bucket.decode(entry.value).count()));
        }
        return counts;
    }

    private void purgeResolved(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = alertStore.all()) {
            all.forEachRemaining(entry -> {
                AnomalyAlert alert = AlertCodec.decodeOrNull(entry.value);
                if (alert == null || alert.getResolvedAt() != null
                        && alert.getResolvedAt().toEpochMilli() < now - resolvedRetentionMs) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(alertStore::delete);
    }
}
