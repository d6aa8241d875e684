package dev.uip.definition.notify.domain;

import java.util.List;

/**
 * A subscription as a client sends it: scope WORKSPACE | TEAM (with team) | EVENT (with eventName), keyEventsOnly,
 * actions (empty: all), channelId (else routed by team) and digest NONE | DAILY.
 */
public record SubscriptionRequest(String scope, String team, String eventName, Boolean keyEventsOnly,
        List<String> actions, String channelId, String digest) {

    /** The fields a subscription request may hold, for the 400 that names an unknown one. */
    public static final String FIELDS = "scope, team, eventName, keyEventsOnly, actions, channelId, digest";
}
