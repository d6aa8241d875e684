package dev.uip.definition.domain;

import java.util.regex.Pattern;

/** Rules for workspace ids. */
public final class Workspaces {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private Workspaces() {
    }

    public static String checkId(String workspaceId) {
        if (workspaceId == null || !ID.matcher(workspaceId).matches()) {
            throw new InvalidDefinitionException("workspace",
                    "a workspace id is 1-63 lower-case letters, digits, - or _, starting with a letter or digit");
        }
        return workspaceId;
    }
}
