package dev.uip.ingest.domain;

import java.util.Optional;

import dev.uip.schemas.DefinitionCallType;
import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.UnplannedEventPolicy;

/** What the registry says about a workspace's events: each definition's state and the policy for undefined ones. */
public interface DefinitionCatalog {

    /** The definition of this track event, if the workspace has one (any status). */
    Optional<EventDefinitionState> definition(String workspaceId, String eventName);

    /**
     * The definition of a call type's name (a page or screen name, {@code identify} for the traits), if the workspace
     * has one (any status). Catalogs that know only track definitions need not override it.
     */
    default Optional<EventDefinitionState> definition(String workspaceId, DefinitionCallType callType, String name) {
        return callType == DefinitionCallType.TRACK ? definition(workspaceId, name) : Optional.empty();
    }

    /** What to do with a track event that has no (published) definition. */
    UnplannedEventPolicy unplannedEvents(String workspaceId);
}
