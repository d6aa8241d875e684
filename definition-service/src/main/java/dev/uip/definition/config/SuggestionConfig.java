package dev.uip.definition.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds and timings of the suggestions from live traffic: what is kept per workspace and event, and how long. */
@ConfigMapping(prefix = "uip.suggestions")
public interface SuggestionConfig {

    /** Newest samples kept per workspace and unplanned event; inference reads at most this many of each source. */
    @WithDefault("200")
    int samplesPerEvent();

    /**
     * Most unplanned events tracked per workspace; a new event beyond it is not tracked (its samples and volumes are
     * ignored), counted in {@code uip.suggestions.records{outcome=not_tracked}} and in the list's {@code notTracked}.
     */
    @WithDefault("10000")
    int maxEventsPerWorkspace();

    /** Longest sample payload kept (characters); longer samples are ignored and counted. */
    @WithDefault("32768")
    int maxSampleChars();

    /** How long samples, hourly volumes and events without traffic are kept; older ones are purged and ignored. */
    @WithDefault("7d")
    Duration maxAge();

    /** How often the purge runs. */
    @WithDefault("1h")
    Duration purgeInterval();
}
