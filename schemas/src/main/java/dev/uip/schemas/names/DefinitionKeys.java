package dev.uip.schemas.names;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.EventDefinitionState;

/**
 * Where a definition lives, by call type: its key on the compacted topic event-definitions and its group in the
 * schema registry. A track definition keeps the forms it had before call types existed.
 */
public final class DefinitionKeys {

    /** The one name an identify definition (the workspace's traits) has. */
    public static final String IDENTIFY_NAME = "identify";

    private DefinitionKeys() {
    }

    /** A definition's call type: TRACK when the record has none (it was written before call types existed). */
    public static DefinitionCallType callType(EventDefinitionState state) {
        return state.getCallType() == null ? DefinitionCallType.TRACK : state.getCallType();
    }

    /**
     * {@code <workspace>/<name>} for a track definition, {@code <workspace>/<CALLTYPE>/<name>} for the others;
     * definition names cannot contain '/', so the two forms never meet.
     */
    public static String topicKey(String workspaceId, DefinitionCallType callType, String name) {
        return callType == null || callType == DefinitionCallType.TRACK
                ? workspaceId + "/" + name
                : workspaceId + "/" + callType.name() + "/" + name;
    }

    /**
     * The registry group of a definition's schemas: the workspace id for track, {@code <workspace>.<calltype>} for
     * the others. Workspace ids cannot contain '.', so a page named like a track event never shares its artifact.
     */
    public static String registryGroup(String workspaceId, DefinitionCallType callType) {
        return callType == null || callType == DefinitionCallType.TRACK
                ? workspaceId
                : workspaceId + "." + callType.name().toLowerCase(java.util.Locale.ROOT);
    }
}
