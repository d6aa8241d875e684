package dev.uip.anomaly.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The anomaly topology's input topics and thread replacement, and the span of the count query API. */
@ConfigMapping(prefix = "uip.anomaly")
public interface CountSettings {

    /** Topic of events that conform to their schema; what trends and counts count. */
    @WithDefault("usage-events-validated")
    String validatedTopic();

    /** The registry's compacted topic of event definitions (which events are key events, and whose). */
    @WithDefault("event-definitions")
    String definitionsTopic();

    /**
     * The longest span {@code /v1/counts} and {@code /v1/key-events} answer ({@code minutes} from 1 to this). Their
     * windows are the trend buckets, kept for {@code uip.anomaly.trends.bucket-retention}, which must be at least this.
     */
    @WithDefault("24h")
    Duration retention();

    /** Stream threads replaced after they died, at most this many within {@link #threadReplacementWindow()}. */
    @WithDefault("5")
    int maxThreadReplacements();

    /** The window of {@link #maxThreadReplacements()}; past it the client shuts down and liveness fails. */
    @WithDefault("1m")
    Duration threadReplacementWindow();
}
