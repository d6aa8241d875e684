package dev.uip.definition.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;

/**
 * Settings that extensions read as optional, and would quietly default (Kafka to localhost) or report without the
 * variable's name, declared required here so that a production start without them stops naming what is missing.
 */
@Startup
@Unremovable
@ApplicationScoped
public class RequiredSettings {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrapServers;

    @ConfigProperty(name = "quarkus.flyway.password")
    String migrationPassword;
}
