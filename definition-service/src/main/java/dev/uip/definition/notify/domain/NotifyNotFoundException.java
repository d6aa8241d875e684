package dev.uip.definition.notify.domain;

/** No channel, subscription or notification with that id in the caller's workspace. */
public class NotifyNotFoundException extends RuntimeException {

    public NotifyNotFoundException(String message) {
        super(message);
    }
}
