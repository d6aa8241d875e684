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
    }
}
