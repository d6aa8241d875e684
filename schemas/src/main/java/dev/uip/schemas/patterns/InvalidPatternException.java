package dev.uip.schemas.patterns;

/** A tenant's pattern that {@link PropertyPatterns} refuses; the message says why, fit to show to the tenant. */
public class InvalidPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPatternException(String message) {
        super(message);
    }
}
