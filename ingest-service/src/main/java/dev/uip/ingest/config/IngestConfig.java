package dev.uip.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the HTTP ingest edge. */
@ConfigMapping(prefix = "uip.ingest")
public interface IngestConfig {

    /** How long a request waits for the broker's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration ackTimeout();

    /** Seconds a client is asked to wait before retrying after a 503. */
    @WithDefault("5")
    int retryAfterSeconds();
}
