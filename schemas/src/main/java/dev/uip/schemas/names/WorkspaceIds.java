package dev.uip.schemas.names;

import java.util.regex.Pattern;

/**
 * The shape of a workspace id: definition-service issues only these, and every other service refuses a name that
 * cannot be one before using it (a store key, a query).
 */
public final class WorkspaceIds {

    /** What a client is told when a name cannot be a workspace id; never echoes the name. */
    public static final String RULE = "a workspace id is 1-63 lower-case letters, digits, - or _, starting with a "
            + "letter or digit";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private WorkspaceIds() {
    }

    public static boolean isValid(String id) {
        // The length check first: the pattern never sees more than 63 characters.
        return id != null && id.length() <= 63 && ID.matcher(id).matches();
    }
}
