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

    /**
     * After a lookup found the registry away, further lookups fail at once for this long instead of each waiting for
     * its own timeout on the validation thread; the events meanwhile are held and retried.
     */
    static final Duration FAIL_FAST_FOR = Duration.ofSeconds(2);
    /** A version never changes; keep it until the bound evicts it (refreshed daily all the same). */
    private static final Duration VERSION_TTL = Duration.ofDays(1);

    private final RegistryClientFacade registry;
    private final LatestVersionLookup latest;
    private final Cache<String, Optional<RegisteredSchema>> latestByName;
    private final Cache<Long, Optional<RegisteredSchema>> versions;
    private final Ticker ticker;
    /** Ticker time until which lookups fail at once (the registry was found away). */
    private volatile long awayUntil = Long.MIN_VALUE;

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
        this.ticker = ticker;
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

    /**
     * Runs a registry lookup: 404 means no such schema; any other failure means the registry cannot be asked, and for
     * {@link #FAIL_FAST_FOR} after it no lookup is tried.
     */
    private Optional<RegisteredSchema> ask(Supplier<Optional<RegisteredSchema>> lookup) {
        if (ticker.read() < awayUntil) {
            throw new RegistryUnavailableException("registry unavailable (a lookup failed in the last "
                    + FAIL_FAST_FOR.toSeconds() + " s)", null);
        }
        try {
            return lookup.get();
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw away(new RegistryUnavailableException("registry answered " + e.getResponseStatusCode(), e));
        } catch (RegistryUnavailableException e) {
            throw away(e);
        } catch (RuntimeException e) {
            throw away(new RegistryUnavailableException("registry lookup failed: " + e.getMessage(), e));
        }
    }

    private RegistryUnavailableException away(RegistryUnavailableException e) {
        awayUntil = ticker.read() + FAIL_FAST_FOR.toNanos();
        return e;
    }
}
