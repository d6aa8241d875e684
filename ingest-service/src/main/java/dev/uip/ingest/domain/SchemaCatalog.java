package dev.uip.ingest.domain;

import java.util.Optional;

import dev.uip.schemas.SchemaRef;

/** Finds registered schemas of events in a workspace. */
public interface SchemaCatalog {

    /**
     * @return the latest schema, or empty when the event has no definition
     * @throws RegistryUnavailableException when the registry cannot be asked
     */
    Optional<RegisteredSchema> latest(String workspaceId, String eventName);

    /**
     * The exact schema version a definition published (by global id), or empty when the registry does not know it.
     * The default asks for the latest version and keeps it only if it is that one.
     *
     * @throws RegistryUnavailableException when the registry cannot be asked
     */
    default Optional<RegisteredSchema> exact(SchemaRef ref) {
        return latest(ref.getGroupId(), ref.getArtifactId())
                .filter(schema -> schema.ref().getGlobalId() == ref.getGlobalId());
    }
}
