package dev.uip.ingest.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.avro.Schema;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;

import com.microsoft.kiota.ApiException;

import dev.uip.ingest.domain.RegisteredSchema;
import dev.uip.ingest.domain.RegistryUnavailableException;
import dev.uip.ingest.domain.SchemaCatalog;
import dev.uip.schemas.SchemaRef;

/**
 * Looks up event schemas in Apicurio Registry (group = workspace, artifact = event name) and caches each answer,
 * found or not, for a short time so the topology does not ask the registry for every record.
 */
public class RegistrySchemaCatalog implements SchemaCatalog {

    private record Entry(Optional<RegisteredSchema> schema, Instant expires) {
    }

    private final RegistryClientFacade registry;
    private final LatestVersionLookup latest;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private static final int MAX_VERSIONS = 50_000;
    private final Map<Long, RegisteredSchema> versions = new ConcurrentHashMap<>();

    public RegistrySchemaCatalog(String registryUrl, Duration ttl) {
        this(RegistryClientFacadeFactory.create(new SchemaResolverConfig(Map.of(SchemaResolverConfig.REGISTRY_URL,
                registryUrl))), registryUrl, ttl, Clock.systemUTC());
    }

    RegistrySchemaCatalog(RegistryClientFacade registry, String registryUrl, Duration ttl, Clock clock) {
        this.registry = registry;
        this.latest = new LatestVersionLookup(registry, registryUrl);
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<RegisteredSchema> latest(String workspaceId, String eventName) {
        String key = workspaceId + '\u0000' + eventName;
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.schema();
        }
        Optional<RegisteredSchema> found = fetch(workspaceId, eventName);
        cache.put(key, new Entry(found, now.plus(ttl)));
        return found;
    }

    /** A schema version never changes: each is fetched once (a bounded number is kept). */
    @Override
    public Optional<RegisteredSchema> exact(SchemaRef ref) {
        RegisteredSchema known = versions.get(ref.getGlobalId());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<RegisteredSchema> found = ask(() -> Optional.of(load(ref)));
        if (found.isPresent() && versions.size() < MAX_VERSIONS) {
            versions.put(ref.getGlobalId(), found.get());
        }
        return found;
    }

    private Optional<RegisteredSchema> fetch(String group, String artifact) {
        return ask(() -> latest.find(group, artifact).map(newest -> load(SchemaRef.newBuilder().setGroupId(group)
                .setArtifactId(artifact).setVersion(newest.getVersion()).setGlobalId(newest.getGlobalId()).build())));
    }

    private RegisteredSchema load(SchemaRef ref) {
        String content = registry.getSchemaByGlobalId(ref.getGlobalId(), true);
        return new RegisteredSchema(new Schema.Parser().parse(content), ref);
    }

    /** Runs a registry lookup: 404 means no such schema; any other failure means the registry cannot be asked. */
    private static Optional<RegisteredSchema> ask(Supplier<Optional<RegisteredSchema>> lookup) {
        try {
            return lookup.get();
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw new RegistryUnavailableException("registry answered " + e.getResponseStatusCode(), e);
        } catch (RuntimeException e) {
            throw new RegistryUnavailableException("registry lookup failed: " + e.getMessage(), e);
        }
    }
}
