package dev.uip.ingest.domain;

import java.util.Optional;

/** Finds the current registered schema of an event in a workspace. */
public interface SchemaCatalog {

    /**
     * @return the latest schema, or empty when the event has no definition
     * @throws RegistryUnavailableException when the registry cannot be asked
     */
    Optional<RegisteredSchema> latest(String workspaceId, String eventName);
}
