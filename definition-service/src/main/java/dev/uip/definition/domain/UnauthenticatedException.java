package dev.uip.definition.domain;

/** A management request without a valid credential. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
