package dev.uip.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.uip.ingest.config.IngestConfig;
import dev.uip.schemas.streams.StreamsHealth;

/** Ready only while the validation topology processes events (its Kafka Streams client RUNNING or REBALANCING). */
@Readiness
@ApplicationScoped
public class ValidationStreamsReadiness implements HealthCheck {

    @Inject
    Instance<KafkaStreams> streams;

    @Inject
    IngestConfig config;

    @Override
    public HealthCheckResponse call() {
        if (!config.role().validator()) {
            return HealthCheckResponse.named("validation-streams").up().withData("role", "edge: validation runs in "
                    + "another process").build();
        }
        return StreamsHealth.readiness("validation-streams", streams.get().state());
    }
}
