package dev.uip.anomaly.streams;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.uip.anomaly.config.TrendSettings;
import dev.uip.anomaly.domain.StatsPoint;
import dev.uip.anomaly.service.ValidationStats;
import dev.uip.anomaly.trend.Bucket;
import dev.uip.anomaly.trend.SeriesId;
import dev.uip.schemas.EventStats;

/**
 * Publishes, once each finest bucket has closed (on wall-clock time), the validation stats of every series that had
 * traffic in it; what the task published up to is kept in a store, so that a restart neither repeats nor skips a
 * bucket (the store and the records are written in one transaction). It reads the trend stores and counts nothing.
 */
final class StatsPublisher implements Processor<String, byte[], String, EventStats> {

    private static final String WATERMARK = "published-up-to";

    private final TrendSettings settings;
    private final long bucketMs;
    private ProcessorContext<String, EventStats> context;
    private ReadOnlyWindowStore<String, byte[]> buckets;
    private KeyValueStore<String, byte[]> series;
    private KeyValueStore<String, byte[]> published;

    StatsPublisher(TrendSettings settings) {
        this.settings = settings;
        this.bucketMs = settings.bucket().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, EventStats> context) {
        this.context = context;
        buckets = context.getStateStore(TrendStores.BUCKETS);
        series = context.getStateStore(TrendStores.SERIES);
        published = context.getStateStore(TrendStores.STATS_PUBLISHED);
        context.schedule(settings.evaluateEvery(), PunctuationType.WALL_CLOCK_TIME, this::publishClosed);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // the trend processor counts; this one only reads what it counted
    }

    private void publishClosed(long now) {
        long closed = TrendProcessor.floor(now - settings.closeAfter().toMillis(), bucketMs) - bucketMs;
        byte[] mark = published.get(WATERMARK);
        long from = mark == null ? closed : ByteBuffer.wrap(mark).getLong() + bucketMs;
        // after a long stop, catch up at most as far back as detection does
        from = Math.max(from, closed - (long) settings.maxCatchUpBuckets() * bucketMs);
        if (from > closed) {
            return;
        }
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = series.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        for (String key : keys) {
            SeriesId id;
            try {
                id = SeriesId.parse(key);
            } catch (IllegalArgumentException e) {
                continue;
            }
            try (WindowStoreIterator<byte[]> it = buckets.fetch(key, Instant.ofEpochMilli(from),
                    Instant.ofEpochMilli(closed))) {
                it.forEachRemaining(entry -> publish(id, entry.key, Bucket.decode(entry.value), now));
            }
        }
        published.put(WATERMARK, ByteBuffer.allocate(Long.BYTES).putLong(closed).array());
    }

    private void publish(SeriesId id, long start, Bucket bucket, long now) {
        if (bucket.count() + bucket.quarantined() + bucket.duplicates() == 0) {
            return;
        }
        StatsPoint point = ValidationStats.point(Instant.ofEpochMilli(start), bucket);
        EventStats stats = EventStats.newBuilder()
                .setWorkspaceId(id.workspaceId())
                .setType(id.type())
                .setEvent(id.name())
                .setMinute(point.start())
                .setValid(point.valid())
                .setWarned(point.warned())
                .setUnplanned(point.unplanned())
                .setDerived(point.derived())
                .setReleased(point.released())
                .setQuarantined(point.quarantined())
                .setQuarantinedByReason(point.quarantinedByReason())
                .setDuplicates(point.duplicates())
                .setViolationRate(point.violationRate())
                .build();
        context.forward(new Record<>(id.workspaceId(), stats, now));
    }
}
