package dev.uip.ingest.client;

import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

import dev.uip.schemas.WriteKeyState;

/**
 * Every write key's state, read from the compacted write-keys topic (keyed by the key's SHA-256) into memory so that
 * a request needs no lookup anywhere else. It follows the topic continuously: a revocation takes effect as soon as it
 * is published.
 */
@ApplicationScoped
public class WriteKeyDirectory {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "uip.registry.url")
    String registryUrl;

    @ConfigProperty(name = "uip.ingest.write-keys-topic", defaultValue = "write-keys")
    String topic;

    private volatile CompactedTopicView<WriteKeyState> keys;

    void start(@Observes StartupEvent event) {
        keys = new CompactedTopicView<>(topic, WriteKeyState.class, bootstrapServers, registryUrl).start();
    }

    /** The state of the key with this SHA-256, if the key was ever issued. */
    public Optional<WriteKeyState> find(String keyHash) {
        return keys == null ? Optional.empty() : keys.get(keyHash);
    }

    /** Whether every key issued before this instance started has been read. */
    public boolean caughtUp() {
        return keys != null && keys.caughtUp();
    }

    public int size() {
        return keys == null ? 0 : keys.size();
    }

    @PreDestroy
    void stop() {
        if (keys != null) {
            keys.stop();
        }
    }
}
