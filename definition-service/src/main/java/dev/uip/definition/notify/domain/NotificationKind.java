package dev.uip.definition.notify.domain;

/** What a notification tells. */
public enum NotificationKind {
    /** An alert opened (a new incident). */
    ALERT_OPENED,
    /** An open incident fired again and is worth telling (for example its severity rose). */
    ALERT_REPEATED,
    /** An incident resolved (by the detector or by a person). */
    ALERT_RESOLVED,
    /** A governance change that a subscription asked to hear about. */
    CHANGE,
    /** A daily digest of changes. */
    DIGEST,
    /** A test message sent to check a channel. */
    TEST
}
