package dev.uip.definition.alerting.domain;

/** Bad input to the alert inbox's API (400), naming the offending field. */
public class InvalidAlertRequestException extends RuntimeException {

    private final String field;

    public InvalidAlertRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
