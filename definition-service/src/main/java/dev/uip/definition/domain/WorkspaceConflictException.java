package dev.uip.definition.domain;

/** A workspace with that id exists already. */
public class WorkspaceConflictException extends RuntimeException {

    public WorkspaceConflictException(String message) {
        super(message);
    }
}
