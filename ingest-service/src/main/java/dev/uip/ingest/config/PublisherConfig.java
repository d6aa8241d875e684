package dev.uip.ingest.config;

import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The producer that writes accepted events to usage-events-raw. */
@ConfigMapping(prefix = "uip.ingest.publisher")
public interface PublisherConfig {

    /** The topic accepted events go to. */
    @WithDefault("usage-events-raw")
    String topic();

    /** Kafka brokers. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** The schema registry's API. */
    @WithDefault("${uip.registry.url}")
    String registryUrl();

    /** Whether the serializer may register the raw event's envelope schema (the local stack only). */
    @WithDefault("false")
    boolean autoRegisterSchemas();

    /**
     * Events handed to the producer and not yet acknowledged, at most; a request that would exceed it gets 503 at once
     * (the broker is slow or away), so memory stays bounded.
     */
    @WithDefault("100000")
    int maxPendingEvents();

    /**
     * Bytes of one workspace's events handed to the producer and not yet acknowledged, at most; a request of a
     * workspace beyond it gets 503 with Retry-After at once, while other workspaces go on being served.
     */
    @WithDefault("16M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxInFlightPerWorkspace();

    /** Further Kafka producer settings, e.g. {@code linger.ms}; acks=all and idempotence are always on. */
    Map<String, String> producer();
}
