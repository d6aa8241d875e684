package dev.uip.definition.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.uip.definition.domain.AlertSeverity;

/** Defaults and bounds of the alert inbox: paging, list sizes, maintenance windows. */
@ConfigMapping(prefix = "uip.alerts")
public interface AlertingConfig {

    /** The lowest incident severity that pages (with {@link #pageKeyEventsOnly()}: of a key event). */
    @WithDefault("HIGH")
    AlertSeverity pageMinSeverity();

    /** Whether only key events page; false lets any event page from {@link #pageMinSeverity()} up. */
    @WithDefault("true")
    boolean pageKeyEventsOnly();

    /** Most maintenance windows not yet over per workspace. */
    @WithDefault("100")
    int maxActiveWindows();

    /** Longest maintenance window, in days. */
    @WithDefault("31")
    int maxWindowDays();

    /** How far ahead a maintenance window may start, in days. */
    @WithDefault("365")
    int maxWindowLeadDays();

    /** Most occurrences and actions an incident's view lists (newest first). */
    @WithDefault("100")
    int maxHistory();
}
