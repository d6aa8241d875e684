package dev.uip.audit.domain;

/** The published chain heads could not be read, so a chain cannot be verified now. */
public class HeadsUnavailableException extends RuntimeException {

    public HeadsUnavailableException(Throwable cause) {
        super("the published chain heads cannot be read now", cause);
    }
}
