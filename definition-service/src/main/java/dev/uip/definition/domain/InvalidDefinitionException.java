package dev.uip.definition.domain;

/** A definition that cannot be accepted; carries the path of the offending field. */
public class InvalidDefinitionException extends RuntimeException {

    private final String field;

    public InvalidDefinitionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
