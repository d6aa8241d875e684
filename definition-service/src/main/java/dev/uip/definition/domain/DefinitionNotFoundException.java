package dev.uip.definition.domain;

/** No definition of that name in the caller's workspace. */
public class DefinitionNotFoundException extends RuntimeException {

    public DefinitionNotFoundException(String message) {
        super(message);
    }
}
