package dev.uip.audit.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the audit trail: its query API and how the change consumer treats records it cannot store. */
@ConfigMapping(prefix = "uip.audit")
public interface AuditConfig {

    /** How many entries a query returns when it does not say. */
    @WithDefault("50")
    int defaultLimit();

    /** The most entries one query may ask for. */
    @WithDefault("500")
    int maxLimit();

    /**
     * The topics of change events the audit trail consumes, all with the DefinitionChanged envelope (the channel
     * {@code definition-changes} subscribes to them; entries of every entity type are kept).
     */
    @WithDefault("definition-changes")
    java.util.List<String> changeTopics();

    /** The most timeline markers one request answers (the earliest of the range first). */
    @WithDefault("1000")
    int maxMarkers();

    /** The compacted topic that each workspace's chain head is published to after every append (key workspace). */
    @WithDefault("audit-chain-heads")
    String headsTopic();

    /** How long reading a workspace's published head from the heads topic may take before it fails. */
    @WithDefault("10s")
    java.time.Duration headsReadTimeout();

    /** How the definition-changes consumer retries and parks changes. */
    Consumer consumer();

    /** Retries of the definition-changes consumer. */
    interface Consumer {

        /**
         * How many times a change the database refuses as invalid (data or constraint errors) is tried before it is
         * parked on the dead-letter topic. Transient errors (connection, permissions, locks) are retried until they
         * pass: the change is never skipped for them.
         */
        @WithDefault("5")
        int attempts();

        /** The pause before the first retry; it doubles with every retry up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** The longest pause between two retries. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
