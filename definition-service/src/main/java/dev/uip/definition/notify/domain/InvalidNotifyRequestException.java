package dev.uip.definition.notify.domain;

/** A channel, subscription or query parameter that cannot be accepted; names the offending field. */
public class InvalidNotifyRequestException extends RuntimeException {

    private final String field;

    public InvalidNotifyRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
