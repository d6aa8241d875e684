package dev.uip.definition.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How management requests name their workspace. */
@ConfigMapping(prefix = "uip.definitions")
public interface AuthConfig {

    /**
     * Whether a request without {@code Authorization: Bearer <api credential>} may name its workspace with the
     * {@code X-UIP-Workspace} header (or the path). True while the gateway, which will own authentication, forwards
     * it; set false wherever the service is reachable without the gateway.
     */
    @WithDefault("true")
    boolean trustWorkspaceHeader();

    /** The workspace of trusted requests that name none. */
    @WithDefault("default")
    String defaultWorkspace();
}
