package dev.uip.anomaly.streams;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import dev.uip.anomaly.config.TrendSettings;

/** The names and builders of the trend topology's state stores. */
public final class TrendStores {

    /** Finest buckets per series key (window start = bucket start), {@link dev.uip.anomaly.trend.Bucket} bytes. */
    public static final String BUCKETS = "trend-buckets";
    /** Hourly rollups per series key. */
    public static final String HOURS = "trend-hours";
    /** Daily rollups (UTC days) per series key. */
    public static final String DAYS = "trend-days";
    /** {@link dev.uip.anomaly.trend.SeriesMeta} bytes per series key. */
    public static final String SERIES = "trend-series";
    /** The detection state of each series (a monitor snapshot) per series key. */
    public static final String MONITORS = "trend-monitors";
    /** Alerts by {@code <workspace>/<alertId>}: open ones, and resolved ones for a while; Avro single-object bytes. */
    public static final String ALERTS = "trend-alerts";
    /** The critical gap rate per workspace over time (window start = judged bucket), {@code GapRate} bytes. */
    public static final String GAP_RATES = "trend-gap-rates";

    /** Up to which closed bucket the task published the validation stats (one entry). */
    public static final String STATS_PUBLISHED = "stats-published";

    /** The global store of every workspace's event definitions (key {@code <workspace>/<name>}), topic bytes. */
    public static final String DEFINITIONS = "event-definitions";
    /** The global store of stored alert rules (key {@code <ws>/<CALLTYPE>/<event>/<KIND>}), topic bytes. */
    public static final String RULES = "alert-rules";

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    private TrendStores() {
    }

    static StoreBuilder<WindowStore<String, byte[]>> window(String name, Duration retention, Duration size,
            boolean inMemory) {
        return Stores.windowStoreBuilder(inMemory
                ? Stores.inMemoryWindowStore(name, retention, size, false)
                : Stores.persistentWindowStore(name, retention, size, false),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> keyValue(String name, boolean inMemory) {
        return Stores.keyValueStoreBuilder(inMemory
                ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray()).withCachingEnabled();
    }

    /**
     * Every store of the topology, sized by the settings: RocksDB (state off the heap, restored from changelogs),
     * or in memory for topology tests, where the test driver flushes every store after every record.
     */
    static List<StoreBuilder<?>> all(TrendSettings settings, boolean inMemory) {
        return List.of(
                window(BUCKETS, settings.bucketRetention(), settings.bucket(), inMemory),
                window(HOURS, settings.hourRetention(), HOUR, inMemory),
                window(DAYS, settings.dayRetention(), DAY, inMemory),
                keyValue(SERIES, inMemory),
                keyValue(MONITORS, inMemory),
                keyValue(ALERTS, inMemory),
                window(GAP_RATES, settings.hourRetention(), settings.bucket(), inMemory));
    }
}
