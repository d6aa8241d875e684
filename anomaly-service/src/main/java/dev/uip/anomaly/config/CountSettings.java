package dev.uip.anomaly.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the event-count topology and its query API. */
@ConfigMapping(prefix = "uip.anomaly")
public interface CountSettings {

    /** Topic of events that conform to their schema; the topology's only input. */
    @WithDefault("usage-events-validated")
    String validatedTopic();

    /** The registry's compacted topic of event definitions (which events are key events, and whose). */
    @WithDefault("event-definitions")
    String definitionsTopic();

    /** Length of one tumbling count window. */
    @WithDefault("1m")
    Duration windowSize();

    /** How long after a window ends a late event is still counted in it. */
    @WithDefault("1m")
    Duration grace();

    /** How long closed windows stay queryable; also the longest span a query may ask for. */
    @WithDefault("24h")
    Duration retention();

    /** Stream threads replaced after they died, at most this many within {@link #threadReplacementWindow()}. */
    @WithDefault("5")
    int maxThreadReplacements();

    /** The window of {@link #maxThreadReplacements()}; past it the client shuts down and liveness fails. */
    @WithDefault("1m")
    Duration threadReplacementWindow();
}
