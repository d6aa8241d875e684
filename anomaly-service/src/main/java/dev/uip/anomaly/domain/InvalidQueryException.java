package dev.uip.anomaly.domain;

/** A client asked for counts with parameters that cannot be answered. */
public class InvalidQueryException extends RuntimeException {

    private final String code;

    public InvalidQueryException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
