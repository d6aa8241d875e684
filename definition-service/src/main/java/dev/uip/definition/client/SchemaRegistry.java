package dev.uip.definition.client;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;

/** Registers event schemas in Apicurio Registry: one group per workspace, one artifact per event. Blocking. */
@ApplicationScoped
public class SchemaRegistry {

    private final RegistryClientFacade registry;

    public SchemaRegistry(@ConfigProperty(name = "uip.registry.url") String registryUrl) {
        this.registry = RegistryClientFacadeFactory
                .create(new SchemaResolverConfig(Map.of(SchemaResolverConfig.REGISTRY_URL, registryUrl)));
    }

    /** Registers {@code schema} as the newest version of the event's artifact (or finds the identical one). */
    public RegistryVersionCoordinates register(String workspaceId, String eventName, String schema) {
        return registry.createSchema("AVRO", workspaceId, eventName, null, "FIND_OR_CREATE_VERSION", false, schema,
                Set.of());
    }
}
