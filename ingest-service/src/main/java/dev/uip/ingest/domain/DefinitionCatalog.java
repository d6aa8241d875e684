package dev.uip.ingest.domain;

import java.util.Optional;

import dev.uip.schemas.EventDefinitionState;
import dev.uip.schemas.UnplannedEventPolicy;

/** What the registry says about a workspace's events: each definition's state and the policy for undefined ones. */
public interface DefinitionCatalog {

    /** The definition of this event, if the workspace has one (any status). */
    Optional<EventDefinitionState> definition(String workspaceId, String eventName);

    /** What to do with a track event that has no (published) definition. */
    UnplannedEventPolicy unplannedEvents(String workspaceId);
}
