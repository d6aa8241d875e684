package dev.uip.ingest.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Topic of the copies dropped as duplicates (without payload), counted by anomaly-service's stats. */
    @WithDefault("usage-events-duplicates")
    String duplicatesTopic();

    /** Topic of samples of unplanned events (whole raw events, a few per event and minute), for suggestions. */
    @WithDefault("unplanned-samples")
    String unplannedSamplesTopic();

    /** Whether the serdes may register the platform's own envelope schemas (true for the local stack only). */
    @WithDefault("false")
    boolean autoRegisterSchemas();

    /** How long a looked-up event schema is trusted before the registry is asked again. */
    @WithDefault("10s")
    Duration schemaCacheTtl();

    /** How long an event name or schema version the registry does not know is remembered as unknown. */
    @WithDefault("30s")
    Duration schemaMissTtl();

    /** Most schema answers kept, of each kind (latest per event name, exact versions). */
    @WithDefault("10000")
    long schemaCacheSize();

    /** Stream threads replaced after they died, at most this many within {@link #threadReplacementWindow()}. */
    @WithDefault("5")
    int maxThreadReplacements();

    /** The window of {@link #maxThreadReplacements()}; past it the client shuts down and liveness fails. */
    @WithDefault("1m")
    Duration threadReplacementWindow();

    /** Dropping of duplicate messages (an SDK's retries) before validation. */
    Dedup dedup();

    /** Dedup settings. */
    interface Dedup {

        /** Whether a message whose workspace and messageId were seen within the window is dropped. */
        @WithDefault("true")
        boolean enabled();

        /** How long a message id is remembered (by receipt time), 1 minute to 7 days. */
        @WithDefault("24h")
        Duration window();

        /**
         * Heap per validation task (raw partition) for the Bloom filter that answers "never seen" without a store
         * lookup; past it lookups go to the store, as with 0.
         */
        @WithDefault("16M")
        MemorySize filterMaxBytes();
    }

    /** Quarantined events released after a fix. */
    Release release();

    /** Release settings. */
    interface Release {

        /** Topic of quarantined events released to be validated again. */
        @WithDefault("quarantine-releases")
        String topic();

        /** Topic of what became of each release. */
        @WithDefault("quarantine-release-outcomes")
        String outcomesTopic();

        /** How long a released message that passed is remembered, so that releasing it again writes nothing. */
        @WithDefault("30d")
        Duration remember();
    }

    /** Holding back events that found the registry away, instead of quarantining them. */
    RegistryHold registryHold();

    /** Registry-hold settings. */
    interface RegistryHold {

        /** How often held events are validated again. */
        @WithDefault("5s")
        Duration retryEvery();

        /** Held longer than this, an event is quarantined as REGISTRY_UNAVAILABLE. */
        @WithDefault("10m")
        Duration maxHold();

        /** While this many events are held, further ones are quarantined as REGISTRY_UNAVAILABLE at once. */
        @WithDefault("100000")
        long maxHeld();
    }

    /** Virtual events: derived events emitted by the rules of virtual definitions. */
    VirtualEvents virtualEvents();

    /** Virtual event settings. */
    interface VirtualEvents {

        /**
         * Most virtual definitions whose rules are evaluated for one event (those indexed under its call type and
         * event name, in name order), 1 to 1,000; the rest are skipped and counted.
         */
        @WithDefault("100")
        int maxRulesPerEvent();
    }
}
