package dev.uip.gateway.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway passes {@code /api/v1/<segment>/...} calls on to the services. */
@ConfigMapping(prefix = "uip.gateway.proxy")
public interface ProxyConfig {

    /**
     * The service (a key of {@code uip.gateway.services}) that answers each first path segment after
     * {@code /api/v1}, e.g. {@code definitions=definition}.
     */
    Map<String, String> routes();

    /** First segments the gateway answers itself and never passes on. */
    @WithDefault("invitations,members,tokens")
    List<String> localSegments();

    /** How long a service may take to answer one call before the caller gets a 504. */
    @WithDefault("30s")
    Duration timeout();

    /** The largest request body passed on; a larger one is refused with a 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Open connections kept per service. */
    @WithDefault("64")
    int maxConnectionsPerService();
}
