package dev.uip.ingest.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
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
     * How far ahead of its receipt an event's (skew-corrected) time may lie and still be used as its time. An event
     * further ahead is stored with its receipt time as {@code timestamp} and flagged FUTURE_TIMESTAMP (the client's
     * value stays in the payload), so no window or stream time ever moves ahead of the clock by more than this.
     */
    @WithDefault("1h")
    Duration futureTolerance();

    /**
     * The stored payloads of one request's messages together, at most (batch-level context and integrations merged
     * into each message): a 500 KB body could otherwise expand to tens of MB on the heap. A request beyond it gets 413.
     */
    @WithDefault("4M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxRequestPayloads();

    /**
     * Whether to record the connection's address as {@code context.ip} on messages that carry none (behind a proxy,
     * enable {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's). Off by default: an
     * IP address is personal data.
     */
    @WithDefault("false")
    boolean captureIp();

    /**
     * What this process runs: {@code both} (default: the HTTP edge and the validation topology), {@code edge} (only
     * the Segment endpoints, writing to usage-events-raw) or {@code validator} (only the validation topology), so that
     * each part scales on its own.
     */
    @WithDefault("both")
    Role role();

    /** The parts of ingest-service one process runs. */
    enum Role {

        BOTH, EDGE, VALIDATOR;

        /** Whether this process answers the Segment endpoints. */
        public boolean edge() {
            return this != VALIDATOR;
        }

        /** Whether this process runs the validation topology. */
        public boolean validator() {
            return this != EDGE;
        }
    }

    /** Seconds a client is asked to wait before retrying after a 503. */
    @WithDefault("5")
    int retryAfterSeconds();
}
