package dev.uip.definition.suggestion.domain;

/** No unplanned event of that name is tracked in the workspace (or it has a definition now). */
public class SuggestionNotFoundException extends RuntimeException {

    public SuggestionNotFoundException(String message) {
        super(message);
    }
}
