package dev.uip.ingest.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-write-key event rate limits, with overrides per workspace. */
@ConfigMapping(prefix = "uip.ingest.rate-limit")
public interface RateLimitConfig {

    /** Whether limits apply at all. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained events per second that one key may send. */
    @WithDefault("5000")
    double eventsPerSecond();

    /** Events one key may send in a burst above the sustained rate. */
    @WithDefault("20000")
    int burst();

    /** Overrides by workspace id, e.g. {@code uip.ingest.rate-limit.workspaces.acme.events-per-second=100}. */
    Map<String, Override> workspaces();

    /** A workspace's own limits; what it leaves out falls back to the defaults. */
    interface Override {

        Optional<Double> eventsPerSecond();

        Optional<Integer> burst();
    }
}
