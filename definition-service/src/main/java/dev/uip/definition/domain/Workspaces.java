package dev.uip.definition.domain;

import dev.uip.schemas.names.WorkspaceIds;

/** Rules for workspace ids. */
public final class Workspaces {

    private Workspaces() {
    }

    public static String checkId(String workspaceId) {
        if (!WorkspaceIds.isValid(workspaceId)) {
            throw new InvalidDefinitionException("workspace", WorkspaceIds.RULE);
        }
        return workspaceId;
    }
}
