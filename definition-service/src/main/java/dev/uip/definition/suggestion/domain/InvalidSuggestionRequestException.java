package dev.uip.definition.suggestion.domain;

/** A request to the suggestions API that cannot be served as asked: a 400 naming the field. */
public class InvalidSuggestionRequestException extends RuntimeException {

    private final String field;

    public InvalidSuggestionRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
