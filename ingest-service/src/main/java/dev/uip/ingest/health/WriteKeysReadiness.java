package dev.uip.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.uip.ingest.client.WriteKeyDirectory;

/** Not ready until every existing write key is loaded: otherwise valid keys would be refused after a restart. */
@Readiness
@ApplicationScoped
public class WriteKeysReadiness implements HealthCheck {

    @Inject
    WriteKeyDirectory directory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("write-keys").status(directory.caughtUp())
                .withData("keys", directory.size()).build();
    }
}
