package dev.uip.definition.domain;

/** A workspace that does not exist or is not the caller's: both answer 404, never 403. */
public class WorkspaceNotFoundException extends RuntimeException {

    public WorkspaceNotFoundException(String message) {
        super(message);
    }
}
