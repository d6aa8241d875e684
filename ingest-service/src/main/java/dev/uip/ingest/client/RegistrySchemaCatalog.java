package dev.uip.ingest.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.avro.Schema;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.microsoft.kiota.ApiException;

import dev.uip.ingest.domain.RegisteredSchema;
import dev.uip.ingest.domain.RegistryUnavailableException;
import dev.uip.ingest.domain.SchemaCatalog;
import dev.uip.schemas.SchemaRef;

/**
 * Looks up event schemas in Apicurio Registry (group = workspace, artifact = event name) and keeps each answer in a
 * bounded cache: a found latest version for {@code foundTtl}, an unknown artifact or version for {@code missTtl} (so
 * a stream of made-up event names costs one registry call per name and period, not one per event), an exact version
 * (which never changes) until evicted.
 */
public class RegistrySchemaCatalog implements SchemaCatalog {

    /** How long answers are trusted, and how many of each kind are kept. */
    public record CacheSettings(Duration foundTtl, Duration missTtl, long maxEntries) {
    }

    /** A version never changes; keep it until the bound evicts it (refreshed daily all the same). */
    private static final Duration VERSION_TTL = Duration.ofDays(1);

    private final RegistryClientFacade registry;
    private final LatestVersionLookup latest;
    private final Cache<String, Optional<RegisteredSchema>> latestByName;
    private final Cache<Long, Optional<RegisteredSchema>> versions;

    public RegistrySchemaCatalog(String registryUrl, CacheSettings settings) {
        this(RegistryClientFacadeFactory.create(new SchemaResolverConfig(Map.of(SchemaResolverConfig.REGISTRY_URL,
                registryUrl))), registryUrl, settings, Ticker.systemTicker());
    }

    RegistrySchemaCatalog(RegistryClientFacade registry, String registryUrl, CacheSettings settings, Ticker ticker) {
        this(registry, new LatestVersionLookup(registry, registryUrl), settings, ticker);
    }

    RegistrySchemaCatalog(RegistryClientFacade registry, LatestVersionLookup latest, CacheSettings settings,
            Ticker ticker) {
        this.registry = registry;
        this.latest = latest;
        this.latestByName = cache(settings, settings.foundTtl(), ticker);
        this.versions = cache(settings, VERSION_TTL, ticker);
    }

    private static <K> Cache<K, Optional<RegisteredSchema>> cache(CacheSettings settings, Duration foundTtl,
            Ticker ticker) {
        return Caffeine.newBuilder().maximumSize(settings.maxEntries()).ticker(ticker)
                // Evict on the caller's thread: the bound holds at once, with no background task.
                .executor(Runnable::run)
                .expireAfter(Expiry.<K, Optional<RegisteredSchema>>writing(
                        (key, answer) -> answer.isPresent() ? foundTtl : settings.missTtl()))
                .build();
    }

    @Override
    public Optional<RegisteredSchema> latest(String workspaceId, String eventName) {
        return latestByName.get(workspaceId + '\u0000' + eventName, key -> fetch(workspaceId, eventName));
    }

    @Override
    public Optional<RegisteredSchema> exact(SchemaRef ref) {
        return versions.get(ref.getGlobalId(), id -> ask(() -> Optional.of(load(ref))));
    }

    /** Entries held now (for the bound's test). */
    long cachedEntries() {
        latestByName.cleanUp();
        versions.cleanUp();
        return latestByName.estimatedSize() + versions.estimatedSize();
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
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RegistryUnavailableException("registry lookup failed: " + e.getMessage(), e);
        }
    }
}
