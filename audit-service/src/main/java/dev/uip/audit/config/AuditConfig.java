package dev.uip.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the audit trail's query API. */
@ConfigMapping(prefix = "uip.audit")
public interface AuditConfig {

    /** How many entries a query returns when it does not say. */
    @WithDefault("50")
    int defaultLimit();

    /** The most entries one query may ask for. */
    @WithDefault("500")
    int maxLimit();
}
