package dev.uip.definition.notify.domain;

/** A channel's health: FAILING after consecutive failed attempts, HEALTHY again on the next success. */
public enum ChannelStatus {
    HEALTHY, FAILING
}
