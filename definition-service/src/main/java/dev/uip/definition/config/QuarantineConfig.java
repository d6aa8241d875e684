package dev.uip.definition.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds and timings of the quarantine store, its REST operations and its release relay. */
@ConfigMapping(prefix = "uip.quarantine")
public interface QuarantineConfig {

    /**
     * Most open rows (QUARANTINED or RELEASING) kept per workspace; quarantined events beyond it are not stored,
     * counted in the metric {@code uip.quarantine.events{outcome=not_stored}} and in the summary's {@code notStored}.
     */
    @WithDefault("1000000")
    long maxOpenRowsPerWorkspace();

    /** Most rows one release or discard selects; a larger selection is done by repeating the call. */
    @WithDefault("100000")
    int maxRowsPerOperation();

    /** Most explicit messageIds in one release or discard request. */
    @WithDefault("1000")
    int maxMessageIds();

    /** How many rows a preview validates when the request names no limit. */
    @WithDefault("1000")
    int previewDefaultLimit();

    /** Most rows one preview validates. */
    @WithDefault("10000")
    int previewMaxLimit();

    /** Longest discard reason accepted. */
    @WithDefault("500")
    int maxReasonLength();

    /** The release relay that publishes QuarantineRelease records for RELEASING rows. */
    Relay relay();

    /** When and how much the release relay publishes. */
    interface Relay {

        /** How often the relay looks for releases to publish (a release request also wakes it at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many releases one round publishes. */
        @WithDefault("500")
        int batchSize();

        /**
         * How long a published release may wait for its outcome before it is published again (safe: the validation
         * topology validates a message at most once).
         */
        @WithDefault("5m")
        Duration resendAfter();

        /** How long one round's sends may take before the round is given up and retried. */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
