package dev.uip.definition.suggestion.domain;

import java.util.List;

/** A suggestion that cannot be adopted in its current state: a 409 with a code and, for conflicts, the reasons. */
public class SuggestionConflictException extends RuntimeException {

    /** A definition of that name exists already, of any status. */
    public static final String DEFINITION_EXISTS = "DEFINITION_EXISTS";
    /** The samples disagree on types and the request chose none for some of them. */
    public static final String SAMPLES_CONFLICT = "SAMPLES_CONFLICT";
    /** No sample of the event is kept, so nothing can be inferred. */
    public static final String NO_SAMPLES = "NO_SAMPLES";

    private final String code;
    private final List<String> reasons;

    public SuggestionConflictException(String code, String message, List<String> reasons) {
        super(message);
        this.code = code;
        this.reasons = reasons;
    }

    public String code() {
        return code;
    }

    public List<String> reasons() {
        return reasons;
    }
}
