package dev.uip.definition.quarantine.domain;

/** No quarantined event or operation with the requested id in the caller's workspace. */
public class QuarantineNotFoundException extends RuntimeException {

    public QuarantineNotFoundException(String message) {
        super(message);
    }
}
