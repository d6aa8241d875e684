package dev.uip.anomaly.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import dev.uip.schemas.streams.StreamsHealth;

/**
 * Health of the counting client by its state: ready only while it processes (RUNNING or REBALANCING), alive until it
 * died (ERROR) or stopped, when only a restart brings counting back.
 */
@ApplicationScoped
public class CountStreamsHealth {

    static final String NAME = "count-streams";

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck readiness(KafkaStreams streams) {
        return () -> StreamsHealth.readiness(NAME, streams.state());
    }

    @Produces
    @Liveness
    @ApplicationScoped
    HealthCheck liveness(KafkaStreams streams) {
        return () -> StreamsHealth.liveness(NAME, streams.state());
    }
}
