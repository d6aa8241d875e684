package dev.uip.anomaly.rest;

import dev.uip.anomaly.domain.InvalidQueryException;

/** Bounds the workspace and event names of a query before they become store keys. */
final class QueryNames {

    /** As definition-service allows: lower-case letters, digits, '-' and '_', at most 63 characters. */
    static final int MAX_WORKSPACE_LENGTH = 63;
    /** As definition-service allows for event names. */
    static final int MAX_EVENT_LENGTH = 200;

    private QueryNames() {
    }

    static String workspace(String workspace) {
        if (workspace == null || workspace.isEmpty() || workspace.length() > MAX_WORKSPACE_LENGTH
                || !workspace.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_')) {
            throw new InvalidQueryException("INVALID_WORKSPACE", "a workspace id is 1 to " + MAX_WORKSPACE_LENGTH
                    + " lower-case letters, digits, '-' or '_'");
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
