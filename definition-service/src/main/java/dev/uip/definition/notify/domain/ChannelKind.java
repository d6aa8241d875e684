package dev.uip.definition.notify.domain;

/** How a channel sends: a signed JSON webhook, a Slack-compatible incoming webhook, or email over SMTP. */
public enum ChannelKind {

    WEBHOOK, SLACK, EMAIL;

    /** Whether its target is a URL (else email recipients). */
    public boolean hasUrl() {
        return this != EMAIL;
    }
}
