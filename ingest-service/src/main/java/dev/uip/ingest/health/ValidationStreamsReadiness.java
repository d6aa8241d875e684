package dev.uip.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.uip.schemas.streams.StreamsHealth;

/** Ready only while the validation topology processes events (its Kafka Streams client RUNNING or REBALANCING). */
@Readiness
@ApplicationScoped
public class ValidationStreamsReadiness implements HealthCheck {

    @Inject
    KafkaStreams streams;

    @Override
    public HealthCheckResponse call() {
        return StreamsHealth.readiness("validation-streams", streams.state());
    }
}
