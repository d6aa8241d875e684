package dev.uip.anomaly.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the trend and detection topology: buckets, rollups, judging on wall-clock time, alerts. */
@ConfigMapping(prefix = "uip.anomaly.trends")
public interface TrendSettings {

    /** Topic of quarantined events, counted per series to tell which events fail validation. */
    @WithDefault("usage-events-quarantined")
    String quarantinedTopic();

    /** Topic of the copies validation dropped as duplicates (without payload): counted in the stats only. */
    @WithDefault("usage-events-duplicates")
    String duplicatesTopic();

    /** Where the validation stats of every event are published per closed minute, keyed by workspace. */
    @WithDefault("usage-stats")
    String statsTopic();

    /** The compacted topic of alert rules (per event and kind) that replace the default rules. */
    @WithDefault("alert-rules")
    String rulesTopic();

    /** Where opened and resolved alerts are published, keyed by workspace. */
    @WithDefault("usage-alerts")
    String alertsTopic();

    /** Width of the finest bucket, the one detection judges. */
    @WithDefault("1m")
    Duration bucket();

    /** How long the finest buckets are kept (and the span a late event may still be judged in). */
    @WithDefault("48h")
    Duration bucketRetention();

    /** How long hourly rollups are kept. */
    @WithDefault("35d")
    Duration hourRetention();

    /** How long daily rollups are kept. */
    @WithDefault("400d")
    Duration dayRetention();

    /** How long after its end a bucket is judged: events arriving later count in trends but as late. */
    @WithDefault("15s")
    Duration closeAfter();

    /** How often, on wall-clock time, the topology looks for buckets to judge (silent ones included). */
    @WithDefault("5s")
    Duration evaluateEvery();

    /** Most buckets one series catches up on at once (after downtime or an import); older ones are skipped. */
    @WithDefault("2880")
    int maxCatchUpBuckets();

    /** Values of each breakdown dimension tracked by name per series; the rest count as "other". */
    @WithDefault("10")
    int topValues();

    /** Most series per workspace; events of further new series count in one series named "(other events)". */
    @WithDefault("10000")
    int maxSeriesPerWorkspace();

    /** A series with no event for this long and no open alert is forgotten (its buckets expire on their own). */
    @WithDefault("30d")
    Duration forgetAfter();

    /** Whether the alert schema is registered in the registry on first use (off where schemas are deployed). */
    @WithDefault("true")
    boolean autoRegisterSchemas();

    /** How long resolved alerts stay queryable. */
    @WithDefault("7d")
    Duration resolvedAlertRetention();
}
