package dev.uip.definition.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the schema registry is and how a registration that failed for a passing reason is tried again. */
@ConfigMapping(prefix = "uip.registry")
public interface RegistryConfig {

    /** The registry's v2 REST API, e.g. http://localhost:8085/apis/registry/v2. */
    String url();

    /** Retries of a registration. */
    Retry retry();

    /** Bounded, jittered exponential backoff for transient registry failures (no answer, 5xx, 429). */
    interface Retry {

        /** How many times a registration is tried in all before the caller gets 503 REGISTRY_UNAVAILABLE. */
        @WithDefault("5")
        int attempts();

        /** The wait before the first retry; it doubles with each retry up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** The longest wait between two tries. */
        @WithDefault("2s")
        Duration maxBackoff();
    }
}
