package dev.uip.definition.domain;

/** A definition with the same name already exists in the workspace. */
public class DefinitionConflictException extends RuntimeException {

    public DefinitionConflictException(String message) {
        super(message);
    }
}
