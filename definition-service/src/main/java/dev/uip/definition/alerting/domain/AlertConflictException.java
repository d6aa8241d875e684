package dev.uip.definition.alerting.domain;

/** An action that the incident's or window's current state does not allow (409), with a machine-readable code. */
public class AlertConflictException extends RuntimeException {

    private final String code;

    public AlertConflictException(String message) {
        this("INVALID_TRANSITION", message);
    }

    public AlertConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
