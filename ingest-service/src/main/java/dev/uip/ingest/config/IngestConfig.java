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

    /** Events whose (skew-corrected) time is older than this are flagged BEYOND_BACKFILL_HORIZON, not dropped. */
    @WithDefault("30d")
    Duration backfillHorizon();

    /**
     * Whether to record the connection's address as {@code context.ip} on messages that carry none (behind a proxy,
     * enable {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's). Off by default: an
     * IP address is personal data.
     */
    @WithDefault("false")
    boolean captureIp();

    /** Seconds a client is asked to wait before retrying after a 503. */
    @WithDefault("5")
    int retryAfterSeconds();
}
