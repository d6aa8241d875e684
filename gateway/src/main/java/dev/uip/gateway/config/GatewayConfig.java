package dev.uip.gateway.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The services the gateway watches and how patiently it asks them. */
@ConfigMapping(prefix = "uip.gateway")
public interface GatewayConfig {

    /** The platform's services by name; each is probed at {@code <url>/q/health/ready}. */
    Map<String, Service> services();

    /** How long one readiness probe may take before its service counts as DOWN. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** One service of the platform. */
    interface Service {

        /** Base URL of the service, e.g. {@code http://localhost:8088}. */
        String url();
    }
}
