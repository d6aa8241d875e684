package dev.uip.schemas.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What a Kafka Streams client's state means for health checks: ready only while it processes (RUNNING or
 * REBALANCING), alive unless it died or is shutting down (CREATED, before the client starts, is alive).
 */
public final class StreamsHealth {

    private StreamsHealth() {
    }

    public static HealthCheckResponse readiness(String name, KafkaStreams.State state) {
        return HealthCheckResponse.named(name).status(state.isRunningOrRebalancing()).withData("state", state.name())
                .build();
    }

    public static HealthCheckResponse liveness(String name, KafkaStreams.State state) {
        boolean alive = state == KafkaStreams.State.CREATED || state.isRunningOrRebalancing();
        return HealthCheckResponse.named(name).status(alive).withData("state", state.name()).build();
    }
}
