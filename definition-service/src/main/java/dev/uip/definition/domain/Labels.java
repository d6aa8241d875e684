package dev.uip.definition.domain;

/** Names that people give to workspaces, write keys and credentials: bounded and free of control characters. */
public final class Labels {

    private Labels() {
    }

    /** The stripped label, or a 400 naming {@code field} when it is empty, too long or holds control characters. */
    public static String check(String field, String value, int max, String what) {
        String label = value == null ? "" : value.strip();
        if (label.isEmpty() || label.length() > max) {
            throw new InvalidDefinitionException(field, what + " is 1-" + max + " characters");
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidDefinitionException(field, what + " must not contain control characters");
        }
        return label;
    }
}
