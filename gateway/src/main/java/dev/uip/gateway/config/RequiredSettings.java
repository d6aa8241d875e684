package dev.uip.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Startup;

/**
 * Settings that extensions read as optional, and would quietly default (Kafka to localhost) or report without the
 * variable's name, or only when first used, declared required here so that a production start without them stops naming what is missing.
 */
@Startup
@Unremovable
@ApplicationScoped
public class RequiredSettings {

    /** The key the service tokens are signed with (SmallRye JWT reads it on the first signature only). */
    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    String signingKeyLocation;

    @ConfigProperty(name = "quarkus.flyway.password")
    String migrationPassword;
}
