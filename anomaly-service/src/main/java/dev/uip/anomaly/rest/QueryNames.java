package dev.uip.anomaly.rest;

import dev.uip.anomaly.domain.InvalidQueryException;
import dev.uip.schemas.names.WorkspaceIds;

/** Bounds the workspace and event names of a query before they become store keys. */
final class QueryNames {

    /** As definition-service allows for event names. */
    static final int MAX_EVENT_LENGTH = 200;

    private QueryNames() {
    }

    static String workspace(String workspace) {
        if (!WorkspaceIds.isValid(workspace)) {
            throw new InvalidQueryException("INVALID_WORKSPACE", WorkspaceIds.RULE);
        }
        return workspace;
    }

    static String event(String event) {
        if (event == null || event.isBlank() || event.length() > MAX_EVENT_LENGTH) {
            throw new InvalidQueryException("INVALID_EVENT", "an event name is 1 to " + MAX_EVENT_LENGTH
                    + " characters");
        }
        return event;
    }
}
