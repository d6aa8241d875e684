package dev.uip.definition.notify.domain;

/** A change refused by the workspace's state: a name taken, a limit reached, an operation the channel lacks. */
public class NotifyConflictException extends RuntimeException {

    private final String code;

    public NotifyConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
