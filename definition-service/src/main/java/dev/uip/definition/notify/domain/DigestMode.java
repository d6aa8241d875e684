package dev.uip.definition.notify.domain;

/** Whether a subscription notifies at each change or collects them into one daily digest. */
public enum DigestMode {
    NONE, DAILY
}
