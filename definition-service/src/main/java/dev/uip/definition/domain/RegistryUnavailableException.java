package dev.uip.definition.domain;

/** The schema registry did not answer or answered with an error that is not the caller's fault. */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
