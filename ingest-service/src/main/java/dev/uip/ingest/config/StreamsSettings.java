package dev.uip.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the validation topology. */
@ConfigMapping(prefix = "uip.streams")
public interface StreamsSettings {

    /** Topic the ingest edge writes to. */
    @WithDefault("usage-events-raw")
    String rawTopic();

    /** Topic of events that conform to their schema. */
    @WithDefault("usage-events-validated")
    String validatedTopic();

    /** Topic of events that failed validation, with the reason. */
    @WithDefault("usage-events-quarantined")
    String quarantinedTopic();

    /** Whether the serdes may register the platform's own envelope schemas (true for the local stack only). */
    @WithDefault("false")
    boolean autoRegisterSchemas();

    /** How long a looked-up event schema is trusted before the registry is asked again. */
    @WithDefault("10s")
    Duration schemaCacheTtl();
}
