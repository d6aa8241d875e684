package dev.uip.anomaly.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.uip.anomaly.config.TrendSettings;
import dev.uip.anomaly.domain.AlertView;
import dev.uip.anomaly.domain.EventHealth;
import dev.uip.anomaly.domain.GapRateView;
import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.anomaly.domain.SeriesPoint;
import dev.uip.anomaly.domain.SeriesView;
import dev.uip.anomaly.domain.StatsPoint;
import dev.uip.anomaly.domain.StatsView;
import dev.uip.anomaly.domain.StoreNotReadyException;
import dev.uip.anomaly.streams.AlertCodec;
import dev.uip.anomaly.streams.DefinitionLookup;
import dev.uip.anomaly.streams.GapRate;
import dev.uip.anomaly.streams.TrendStores;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.Dimension;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.anomaly.trend.SeriesMeta;
import dev.uip.schemas.AlertSeverity;
import dev.uip.schemas.AlertState;
import dev.uip.schemas.AnomalyAlert;
import dev.uip.schemas.DefinitionStatus;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.MessageType;

/**
 * Answers trend queries from this instance's trend stores (interactive queries): series at a granularity with a
 * breakdown, the events of a workspace with their health, alerts, and the critical gap rate.
 */
@ApplicationScoped
public class Trends {

    /** Most points one series query answers. */
    public static final int MAX_POINTS = 1500;
    /** How long a quarantined event marks its series as failing validation. */
    static final Duration FAILING_FOR = Duration.ofMinutes(15);

    /** A granularity of the series API and the store that holds it. */
    public enum Granularity {

        MINUTE, HOUR, DAY;

        /** The granularity named (any case); a 400 INVALID_GRANULARITY for another name. */
        public static Granularity parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("INVALID_GRANULARITY", "granularity is minute, hour or day");
            }
        }
    }

    private final KafkaStreams streams;
    private final TrendSettings settings;
    private final DefinitionLookup.Decoder decoder;

    @Inject
    public Trends(KafkaStreams streams, TrendSettings settings, DefinitionLookup.Decoder decoder) {
        this.streams = streams;
        this.settings = settings;
        this.decoder = decoder;
    }

    /**
     * Every bucket of one series in [from, to) at the granularity (empty ones included), with the counts by value
     * of {@code breakdown} when given.
     */
    public SeriesView series(SeriesId id, String granularityText, Instant from, Instant to, String breakdownText) {
        Granularity granularity = granularityText == null ? Granularity.MINUTE : Granularity.parse(granularityText);
        Dimension breakdown = null;
        if (breakdownText != null) {
            breakdown = Dimension.fromApiName(breakdownText);
            if (breakdown == null) {
                throw new InvalidQueryException("INVALID_BREAKDOWN", "breakdown is appVersion, platform or library");
            }
        }
        long width = widthMillis(granularity);
        long[] range = range(width, from, to);
        long start = range[0];
        long end = range[1];
        Map<Long, Bucket> found = buckets(id, granularity, start, end);
        String key = id.storeKey();
        List<SeriesPoint> points = new ArrayList<>();
        for (long t = start; t < end; t += width) {
            Bucket bucket = found.get(t);
            long count = bucket == null ? 0 : bucket.count();
            long quarantined = bucket == null ? 0 : bucket.quarantined();
            Map<String, Long> values = breakdown == null
                    ? null
                    : bucket == null ? Map.of() : new LinkedHashMap<>(bucket.breakdown(breakdown));
            points.add(new SeriesPoint(Instant.ofEpochMilli(t), count, quarantined, values));
        }
        SeriesMeta meta = meta(key);
        return new SeriesView(id.workspaceId(), id.type().name().toLowerCase(Locale.ROOT), id.name(),
                granularity.name().toLowerCase(Locale.ROOT), breakdown == null ? null : breakdown.apiName(),
                Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), points, meta == null ? 0 : meta.late,
                meta == null ? 0 : meta.tooLate);
    }

    /**
     * The validation stats of one series in [from, to) at the granularity: per bucket (empty ones included) and in
     * total.
     */
    public StatsView stats(SeriesId id, String granularityText, Instant from, Instant to) {
        Granularity granularity = granularityText == null ? Granularity.MINUTE : Granularity.parse(granularityText);
        long width = widthMillis(granularity);
        long[] range = range(width, from, to);
        long start = range[0];
        long end = range[1];
        Map<Long, Bucket> found = buckets(id, granularity, start, end);
        List<StatsPoint> points = new ArrayList<>();
        Bucket total = new Bucket();
        for (long t = start; t < end; t += width) {
            Bucket bucket = found.getOrDefault(t, new Bucket());
            total.addAll(bucket);
            points.add(ValidationStats.point(Instant.ofEpochMilli(t), bucket));
        }
        return new StatsView(id.workspaceId(), id.type().name().toLowerCase(Locale.ROOT), id.name(),
                granularity.name().toLowerCase(Locale.ROOT), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                points, ValidationStats.point(Instant.ofEpochMilli(start), total));
    }

    /**
     * The bucket-aligned start and the end of a query's range (default: the last 60 buckets); a 400 for a range that
     * is empty or holds more than {@value #MAX_POINTS} buckets.
     */
    private static long[] range(long width, Instant from, Instant to) {
        long end = to == null ? System.currentTimeMillis() : to.toEpochMilli();
        long start = from == null ? end - 60 * width : from.toEpochMilli();
        start = Math.floorDiv(start, width) * width;
        if (end <= start) {
            throw new InvalidQueryException("INVALID_RANGE", "from must be before to");
        }
        if ((end - start) / width > MAX_POINTS) {
            throw new InvalidQueryException("RANGE_TOO_LARGE", "a query answers at most " + MAX_POINTS
                    + " points; use a coarser granularity or a shorter range");
        }
        return new long[]{start, end};
    }

    /** Width of one bucket at the granularity. */
    public long widthMillis(Granularity granularity) {
        return switch (granularity) {
            case MINUTE -> settings.bucket().toMillis();
            case HOUR -> Duration.ofHours(1).toMillis();
            case DAY -> Duration.ofDays(1).toMillis();
        };
    }

    /** How long buckets of the granularity are kept. */
    public Duration retention(Granularity granularity) {
        return switch (granularity) {
            case MINUTE -> settings.bucketRetention();
            case HOUR -> settings.hourRetention();
            case DAY -> settings.dayRetention();
        };
    }

    /** The stored buckets of one series starting in [startMs, endMs), by start; empty ones are absent. */
    public Map<Long, Bucket> buckets(SeriesId id, Granularity granularity, long startMs, long endMs) {
        String store = switch (granularity) {
            case MINUTE -> TrendStores.BUCKETS;
            case HOUR -> TrendStores.HOURS;
            case DAY -> TrendStores.DAYS;
        };
        Map<Long, Bucket> found = new HashMap<>();
        String key = id.storeKey();
        query(() -> {
            try (WindowStoreIterator<byte[]> it = windowStore(store).fetch(key, Instant.ofEpochMilli(startMs),
                    Instant.ofEpochMilli(endMs - 1))) {
                it.forEachRemaining(entry -> found.put(entry.key, Bucket.decode(entry.value)));
            }
            return null;
        });
        return found;
    }

    /** The workspace's events (seen ones and defined active ones) with their health, key events first. */
    public List<EventHealth> events(String workspaceId) {
        long now = System.currentTimeMillis();
        Map<String, List<AlertView>> open = openAlerts(workspaceId);
        Map<String, EventDefinitionState> definitions = new HashMap<>();
        query(() -> {
            definitions().all(workspaceId).forEach(d -> definitions.put(d.getName(), d));
            return null;
        });
        List<EventHealth> events = new ArrayList<>();
        List<String> seenTracks = new ArrayList<>();
        query(() -> {
            String prefix = SeriesId.workspacePrefix(workspaceId);
            try (KeyValueIterator<String, byte[]> all = keyValueStore(TrendStores.SERIES).range(prefix,
                    prefix + Character.MAX_VALUE)) {
                all.forEachRemaining(entry -> {
                    SeriesId id;
                    SeriesMeta meta;
                    try {
                        id = SeriesId.parse(entry.key);
                        meta = SeriesMeta.decode(entry.value);
                    } catch (IllegalArgumentException e) {
                        return;
                    }
                    EventDefinitionState definition = id.type() == MessageType.TRACK
                            ? definitions.get(id.name())
                            : null;
                    if (definition != null) {
                        seenTracks.add(id.name());
                    }
                    List<AlertView> alerts = open.getOrDefault(id.storeKey(), List.of());
                    events.add(health(id, definition, meta, alerts, now));
                });
            }
            return null;
        });
        definitions.values().stream()
                .filter(d -> d.getStatus() != DefinitionStatus.ARCHIVED)
                .filter(d -> !seenTracks.contains(d.getName()))
                .forEach(d -> events.add(new EventHealth("track", d.getName(), d.getKeyEvent(), d.getCriticality(),
                        d.getOwnerTeam(), "no-data", null, List.of())));
        events.sort(Comparator.comparing((EventHealth e) -> !e.keyEvent()).thenComparing(EventHealth::type)
                .thenComparing(EventHealth::event));
        return events;
    }

    private static EventHealth health(SeriesId id, EventDefinitionState definition, SeriesMeta meta,
            List<AlertView> alerts, long now) {
        String health = "healthy";
        if (alerts.stream().anyMatch(a -> a.rule().equals("STOPPED"))) {
            health = "silent";
        } else if (!alerts.isEmpty()) {
            health = "anomalous";
        } else if (meta.lastQuarantined >= now - FAILING_FOR.toMillis()) {
            health = "failing-validation";
        }
        return new EventHealth(id.type().name().toLowerCase(Locale.ROOT), id.name(),
                definition != null && definition.getKeyEvent(), definition == null
                        ? null
                        : definition.getCriticality(),
                definition == null ? null : definition.getOwnerTeam(), health,
                meta.lastEvent == Long.MIN_VALUE ? null : Instant.ofEpochMilli(meta.lastEvent), alerts);
    }

    /** The workspace's alerts, open ones only unless {@code all}, newest first. */
    public List<AlertView> alerts(String workspaceId, boolean all) {
        List<AnomalyAlert> alerts = storedAlerts(workspaceId);
        return alerts.stream().filter(a -> all || a.getState() == AlertState.OPENED)
                .sorted(Comparator.comparing(AnomalyAlert::getOpenedAt).reversed()).map(AlertView::of).toList();
    }

    /** The critical gap rate now and its hourly history over [from, to). */
    public GapRateView gapRate(String workspaceId, Instant from, Instant to) {
        long now = System.currentTimeMillis();
        List<EventHealth> events = events(workspaceId);
        int keyEvents = 0;
        List<String> critical = new ArrayList<>();
        for (EventHealth event : events) {
            if (!event.keyEvent()) {
                continue;
            }
            keyEvents++;
            boolean severe = event.openAlerts().stream().anyMatch(a -> a.severity().equals(AlertSeverity.HIGH
                    .name()) || a.severity().equals(AlertSeverity.CRITICAL.name()));
            if (severe || "failing-validation".equals(event.health())) {
                critical.add(event.event());
            }
        }
        long end = to == null ? now : to.toEpochMilli();
        long start = from == null ? end - Duration.ofDays(7).toMillis() : from.toEpochMilli();
        if (end <= start) {
            throw new InvalidQueryException("INVALID_RANGE", "from must be before to");
        }
        long hour = Duration.ofHours(1).toMillis();
        if ((end - start) / hour > MAX_POINTS) {
            throw new InvalidQueryException("RANGE_TOO_LARGE", "the history answers at most " + MAX_POINTS
                    + " hours");
        }
        Map<Long, GapRateView.Sample> hourly = new LinkedHashMap<>();
        query(() -> {
            try (WindowStoreIterator<byte[]> it = windowStore(TrendStores.GAP_RATES).fetch(workspaceId, Instant
                    .ofEpochMilli(start), Instant.ofEpochMilli(end - 1))) {
                it.forEachRemaining(entry -> {
                    GapRate rate = GapRate.decode(entry.value);
                    if (rate != null) {
                        hourly.put(Math.floorDiv(entry.key, hour) * hour, new GapRateView.Sample(Instant
                                .ofEpochMilli(entry.key), rate.keyEvents(), rate.critical(), rate.rate()));
                    }
                });
            }
            return null;
        });
        double rate = keyEvents == 0 ? 0 : (double) critical.size() / keyEvents;
        return new GapRateView(keyEvents, critical.size(), rate, critical, new ArrayList<>(hourly.values()));
    }

    private Map<String, List<AlertView>> openAlerts(String workspaceId) {
        Map<String, List<AlertView>> bySeries = new HashMap<>();
        for (AnomalyAlert alert : storedAlerts(workspaceId)) {
            if (alert.getState() == AlertState.OPENED) {
                String key = new SeriesId(alert.getWorkspaceId(), alert.getCallType(), alert.getEvent()).storeKey();
                bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(AlertView.of(alert));
            }
        }
        return bySeries;
    }

    private List<AnomalyAlert> storedAlerts(String workspaceId) {
        List<AnomalyAlert> alerts = new ArrayList<>();
        String prefix = workspaceId + "/";
        query(() -> {
            try (KeyValueIterator<String, byte[]> all = keyValueStore(TrendStores.ALERTS).range(prefix,
                    prefix + Character.MAX_VALUE)) {
                all.forEachRemaining(entry -> {
                    AnomalyAlert alert = AlertCodec.decodeOrNull(entry.value);
                    if (alert != null) {
                        alerts.add(alert);
                    }
                });
            }
            return null;
        });
        return alerts;
    }

    private SeriesMeta meta(String key) {
        return query(() -> {
            byte[] bytes = keyValueStore(TrendStores.SERIES).get(key);
            try {
                return bytes == null ? null : SeriesMeta.decode(bytes);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    private DefinitionLookup definitions() {
        return DefinitionLookup.of(streams, decoder);
    }

    private ReadOnlyWindowStore<String, byte[]> windowStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.windowStore()));
    }

    private ReadOnlyKeyValueStore<String, byte[]> keyValueStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private static <T> T query(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreNotReadyException("The trend stores are not queryable: " + e.getMessage(), e);
        }
    }
}
