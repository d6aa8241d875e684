package dev.uip.definition.quarantine.domain;

/** A quarantine request that cannot be served as it stands; {@code field} names the offending part. */
public class InvalidQuarantineRequestException extends RuntimeException {

    private final String field;

    public InvalidQuarantineRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
