package dev.uip.definition.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox's relay and the topics it publishes to. */
@ConfigMapping(prefix = "uip.outbox")
public interface OutboxConfig {

    /** Whether the relay starts with the service; off only to study the outbox (it can be started later). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for records that no commit woke it for (e.g. left by a crashed instance). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many records the relay reads per round. */
    @WithDefault("100")
    int batchSize();

    /**
     * How many times publishing one record may fail for a reason of its own (it cannot be decoded, names an unknown
     * topic, the serializer or broker refuses it) before it is parked and the records after it flow again. Failures
     * that are nobody's record's fault (broker or registry unreachable, timeouts) are retried without counting.
     */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after a failed attempt before the relay tries again (commits do not wake it sooner). */
    @WithDefault("1s")
    Duration retryBackoff();

    /** How long one record's send may take before the round stops and is retried (counted as transient). */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Topic names. */
    Topics topics();

    /** Where each kind of record goes. */
    interface Topics {

        /** Every change, as DefinitionChanged (never expires). */
        @WithDefault("definition-changes")
        String definitionChanges();

        /** The current state of each definition, key workspace/name (compacted). */
        @WithDefault("event-definitions")
        String eventDefinitions();

        /** The current settings of each workspace, key workspace id (compacted). */
        @WithDefault("workspaces")
        String workspaces();

        /** The current state of each write key, key SHA-256 of the key (compacted). */
        @WithDefault("write-keys")
        String writeKeys();

        /** The current state of each stored alert rule, key workspace/CALLTYPE/event/KIND (compacted). */
        @WithDefault("alert-rules")
        String alertRules();
    }
}
