package dev.uip.ingest.domain;

/** A request without a usable write key; answered with 401. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
