package dev.uip.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.uip.schemas.streams.StreamsHealth;

/** Not live once the validation client died (ERROR) or stopped: only a restart brings validation back. */
@Liveness
@ApplicationScoped
public class ValidationStreamsLiveness implements HealthCheck {

    @Inject
    KafkaStreams streams;

    @Override
    public HealthCheckResponse call() {
        return StreamsHealth.liveness("validation-streams", streams.state());
    }
}
