package dev.uip.anomaly.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.jboss.logging.Logger;

import dev.uip.anomaly.config.TrendSettings;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.Dimension;
import dev.uip.anomaly.trend.Hit;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.anomaly.trend.SeriesMeta;
import dev.uip.schemas.AnomalyAlert;

/**
 * Counts every event of a workspace into its series' buckets, hourly and daily rollups with the breakdown by
 * dimension, and on wall-clock time judges every series' closed buckets (silent ones included), forwarding the
 * alerts that open or resolve. Input is keyed by workspace, so all series of a workspace live in one task.
 */
class TrendProcessor implements Processor<String, byte[], String, AnomalyAlert> {

    private static final Logger LOG = Logger.getLogger(TrendProcessor.class);

    /** The name of the series that takes the events of new series once a workspace has too many. */
    static final String OVERFLOW_SERIES = "(other events)";
    /** How long after its last arrival a series that receives history is judged by its events, not the clock. */
    static final long HISTORY_HOLD_MS = 30_000;

    private final TrendSettings settings;
    private final SeriesJudge.Factory judges;
    private final long bucketMs;
    private ProcessorContext<String, AnomalyAlert> context;
    private WindowStore<String, byte[]> buckets;
    private WindowStore<String, byte[]> hours;
    private WindowStore<String, byte[]> days;
    private KeyValueStore<String, byte[]> series;
    private SeriesJudge judge;
    private final Map<String, Integer> seriesPerWorkspace = new HashMap<>();
    private long lastClosed = Long.MIN_VALUE;
    /** Whether the last pass held a series back (it is judged again at the next pass, even in the same bucket). */
    private boolean heldBack;

    TrendProcessor(TrendSettings settings, SeriesJudge.Factory judges) {
        this.settings = settings;
        this.judges = judges;
        this.bucketMs = settings.bucket().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, AnomalyAlert> context) {
        this.context = context;
        buckets = context.getStateStore(TrendStores.BUCKETS);
        hours = context.getStateStore(TrendStores.HOURS);
        days = context.getStateStore(TrendStores.DAYS);
        series = context.getStateStore(TrendStores.SERIES);
        judge = judges.create(context);
        try (KeyValueIterator<String, byte[]> all = series.all()) {
            all.forEachRemaining(entry -> seriesPerWorkspace.merge(workspaceOf(entry.key), 1, Integer::sum));
        }
        context.schedule(settings.evaluateEvery(), PunctuationType.WALL_CLOCK_TIME, this::judgeClosedBuckets);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Hit hit = Hit.decode(record.value());
        long now = context.currentSystemTimeMs();
        SeriesId id = hit.series();
        String key = id.storeKey();
        byte[] stored = series.get(key);
        if (stored == null && seriesPerWorkspace.getOrDefault(id.workspaceId(), 0) >= settings
                .maxSeriesPerWorkspace()) {
            id = new SeriesId(id.workspaceId(), id.type(), OVERFLOW_SERIES);
            key = id.storeKey();
            stored = series.get(key);
        }
        if (hit.marked(Hit.DUPLICATE)) {
            // a copy of an event already counted: only its series' stats change, never its trend or its health
            if (stored != null) {
                countInKeptBuckets(key, hit, Map.of(), now);
            }
            return;
        }
        SeriesMeta meta = SeriesMeta.decode(stored);
        long bucket = floor(hit.eventTime(), bucketMs);
        if (stored == null) {
            seriesPerWorkspace.merge(id.workspaceId(), 1, Integer::sum);
            long earliest = floor(now, bucketMs) - settings.maxCatchUpBuckets() * bucketMs;
            meta.lastJudged = Math.max(bucket, earliest) - bucketMs;
            meta.lastDecay = now;
        }
        meta.firstSeen = Math.min(meta.firstSeen, hit.eventTime());
        meta.lastArrival = now;
        if (hit.quarantined()) {
            meta.lastQuarantined = Math.max(meta.lastQuarantined, hit.eventTime());
        } else {
            meta.lastEvent = Math.max(meta.lastEvent, hit.eventTime());
        }
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        if (!hit.quarantined()) {
            for (Dimension dimension : Dimension.values()) {
                String value = hit.value(dimension);
                if (value != null) {
                    values.put(dimension, meta.topValues(dimension).admit(value, settings.topValues()));
                }
            }
        }
        if (minuteKept(bucket, now) && bucket <= meta.lastJudged) {
            meta.late++;
        }
        if (!countInKeptBuckets(key, hit, values, now)) {
            meta.tooLate++;
        }
        series.put(key, meta.encode());
    }

    /** Adds the hit to its minute, hour and day wherever they are still kept; false when none is. */
    private boolean countInKeptBuckets(String key, Hit hit, Map<Dimension, String> values, long now) {
        boolean counted = false;
        long bucket = floor(hit.eventTime(), bucketMs);
        if (minuteKept(bucket, now)) {
            add(buckets, key, bucket, hit, values);
            counted = true;
        }
        long hour = floor(hit.eventTime(), TrendStores.HOUR.toMillis());
        if (hour >= now - settings.hourRetention().toMillis() + TrendStores.HOUR.toMillis()) {
            add(hours, key, hour, hit, values);
            counted = true;
        }
        long day = floor(hit.eventTime(), TrendStores.DAY.toMillis());
        if (day >= now - settings.dayRetention().toMillis() + TrendStores.DAY.toMillis()) {
            add(days, key, day, hit, values);
            counted = true;
        }
        return counted;
    }

    private boolean minuteKept(long bucket, long now) {
        return bucket >= now - settings.bucketRetention().toMillis() + bucketMs;
    }

    private static void add(WindowStore<String, byte[]> store, String key, long start, Hit hit,
            Map<Dimension, String> values) {
        Bucket bucket = Bucket.decode(store.fetch(key, start));
        bucket.add(hit, values);
        store.put(key, bucket.encode(), start);
    }

    /** Judges, for every series, the buckets that closed since the last time; nothing when none closed. */
    private void judgeClosedBuckets(long now) {
        long closed = floor(now - settings.closeAfter().toMillis(), bucketMs) - bucketMs;
        if (closed <= lastClosed && !heldBack) {
            return;
        }
        lastClosed = closed;
        heldBack = false;
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = series.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        Duration forgetAfter = settings.forgetAfter();
        for (String key : keys) {
            SeriesMeta meta;
            SeriesId id;
            try {
                meta = SeriesMeta.decode(series.get(key));
                id = SeriesId.parse(key);
            } catch (IllegalArgumentException e) {
                series.delete(key); // not ours to read: a series starts afresh with its next event
                continue;
            }
            judge.judge(id, meta, judgedUpTo(meta, closed, now), now);
            long lastSeen = Math.max(meta.lastEvent, meta.lastQuarantined);
            if (meta.openAlerts.isEmpty() && lastSeen < now - forgetAfter.toMillis()) {
                series.delete(key);
                judge.forget(key);
                seriesPerWorkspace.computeIfPresent(id.workspaceId(), (ws, n) -> n > 1 ? n - 1 : null);
            } else {
                series.put(key, meta.encode());
            }
        }
        judge.afterPass(closed, now);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Judged %s series up to the bucket of %s in %s ms", (Object) keys.size(),
                    Instant.ofEpochMilli(closed),
                    context.currentSystemTimeMs() - now);
        }
    }

    /**
     * The last bucket to judge for a series: the last closed bucket on wall-clock time, unless the series is
     * receiving history (events arrived within {@link #HISTORY_HOLD_MS} whose newest is older than that bucket, as in
     * an import or after downtime upstream): then only the buckets before its newest event, so that history is
     * judged once it is in, not as zeros before it arrives.
     */
    private long judgedUpTo(SeriesMeta meta, long closed, long now) {
        if (meta.lastEvent == Long.MIN_VALUE || now - meta.lastArrival >= HISTORY_HOLD_MS) {
            return closed;
        }
        long beforeNewest = floor(meta.lastEvent, bucketMs) - bucketMs;
        if (beforeNewest < closed) {
            heldBack = true;
            return beforeNewest;
        }
        return closed;
    }

    static long floor(long time, long width) {
        return Math.floorDiv(time, width) * width;
    }

    private static String workspaceOf(String seriesKey) {
        int slash = seriesKey.indexOf('/');
        return slash < 0 ? seriesKey : seriesKey.substring(0, slash);
    }
}
