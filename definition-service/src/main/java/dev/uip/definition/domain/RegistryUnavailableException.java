package dev.uip.definition.domain;

/** The schema registry did not answer or answered with an error that is not the caller's fault. */
public class RegistryUnavailableException extends RuntimeException {

    private final boolean transientFailure;

    public RegistryUnavailableException(String message, Throwable cause) {
        this(message, cause, true);
    }

    public RegistryUnavailableException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Whether asking again may succeed: no answer, a timeout, or a 5xx/429; not a 4xx about the request. */
    public boolean isTransient() {
        return transientFailure;
    }
}
