package dev.uip.definition.notify.domain;

/** Which changes a subscription hears about: all of the workspace, a team's definitions, or one event's. */
public enum SubscriptionScope {
    WORKSPACE, TEAM, EVENT
}
