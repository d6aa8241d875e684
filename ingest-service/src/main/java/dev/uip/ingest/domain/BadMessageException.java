package dev.uip.ingest.domain;

/** A request body that cannot be accepted as Segment messages; answered with 400 and a machine-readable code. */
public class BadMessageException extends RuntimeException {

    private final String code;

    public BadMessageException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
