package dev.uip.ingest.domain;

/** A request or one of its messages exceeds the size limits; answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
