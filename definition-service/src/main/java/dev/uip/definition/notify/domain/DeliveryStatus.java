package dev.uip.definition.notify.domain;

/** Where one notification's delivery to one channel stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** A receiver accepted it (2xx, or the SMTP server took it). */
    DELIVERED,
    /** Given up: refused for good (4xx other than 408/429) or every attempt failed. */
    DEAD,
    /** Recorded only: the notification was suppressed (maintenance window, quiet hours, snoozed). */
    SUPPRESSED,
    /** Its channel was deleted before it was sent. */
    CANCELLED
}
