package dev.uip.definition.domain;

/** An operation that the definition's current status does not allow, e.g. updating an archived definition. */
public class LifecycleConflictException extends RuntimeException {

    private final String code;

    public LifecycleConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
