package dev.uip.definition.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a virtual event rule is previewed over a workspace's newest raw events before it is saved. */
@ConfigMapping(prefix = "uip.virtual-preview")
public interface VirtualPreviewConfig {

    /** The topic of raw events that the ingest edge writes. */
    @WithDefault("usage-events-raw")
    String rawTopic();

    /** How many of the workspace's newest raw events are evaluated when the request names no limit. */
    @WithDefault("1000")
    int defaultLimit();

    /** The most raw events one preview evaluates (a request asking for more is refused). */
    @WithDefault("10000")
    int maxLimit();

    /** How far back each partition is read for the workspace's records (all workspaces share the topic). */
    @WithDefault("50000")
    int scanPerPartition();

    /** The longest a preview reads the topic; it answers with what it read by then. */
    @WithDefault("10s")
    Duration timeout();
}
