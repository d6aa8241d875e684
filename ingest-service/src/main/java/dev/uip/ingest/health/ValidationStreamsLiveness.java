package dev.uip.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.uip.ingest.config.IngestConfig;
import dev.uip.schemas.streams.StreamsHealth;

/** Not live once the validation client died (ERROR) or stopped: only a restart brings validation back. */
@Liveness
@ApplicationScoped
public class ValidationStreamsLiveness implements HealthCheck {

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
        return StreamsHealth.liveness("validation-streams", streams.get().state());
    }
}
