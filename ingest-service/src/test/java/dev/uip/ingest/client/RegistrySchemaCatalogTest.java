package dev.uip.ingest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeFactory;
import io.apicurio.registry.resolver.client.RegistryVersionCoordinates;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;

import dev.uip.ingest.domain.RegisteredSchema;
import dev.uip.ingest.domain.RegistryUnavailableException;
import dev.uip.schemas.SchemaRef;
import dev.uip.stack.RealStack;

/** The schema cache against the real registry, counting the lookups that reach it. */
class RegistrySchemaCatalogTest {

    static final RegistrySchemaCatalog.CacheSettings SETTINGS = new RegistrySchemaCatalog.CacheSettings(
            Duration.ofSeconds(10), Duration.ofSeconds(30), 5);

    final String workspace = "cache-" + UUID.randomUUID().toString().substring(0, 8);
    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger latestLookups = new AtomicInteger();
    final AtomicInteger versionLookups = new AtomicInteger();
    RegistryClientFacade registry;
    RegistrySchemaCatalog catalog;

    @BeforeEach
    void create() {
        String url = RealStack.get().registryUrl();
        RegistryClientFacade real = RegistryClientFacadeFactory.create(new SchemaResolverConfig(
                Map.of(SchemaResolverConfig.REGISTRY_URL, url)));
        registry = (RegistryClientFacade) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RegistryClientFacade.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getSchemaByGlobalId")) {
                        versionLookups.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        LatestVersionLookup counting = new LatestVersionLookup(registry, url) {

            @Override
            Optional<RegistryVersionCoordinates> find(String group, String artifact) {
                latestLookups.incrementAndGet();
                return super.find(group, artifact);
            }
        };
        catalog = new RegistrySchemaCatalog(registry, counting, SETTINGS, nanos::get);
    }

    @Test
    void anUnknownEventNameIsAskedOncePerMissPeriod() {
        assertTrue(catalog.latest(workspace, "Never Defined").isEmpty());
        assertTrue(catalog.latest(workspace, "Never Defined").isEmpty());
        assertEquals(1, latestLookups.get());
        advance(Duration.ofSeconds(31));
        assertTrue(catalog.latest(workspace, "Never Defined").isEmpty());
        assertEquals(2, latestLookups.get());
    }

    @Test
    void anUnknownVersionIsAskedOncePerMissPeriod() {
        SchemaRef unknown = SchemaRef.newBuilder().setGroupId(workspace).setArtifactId("Gone").setVersion("7")
                .setGlobalId(987_654_321L).build();
        assertTrue(catalog.exact(unknown).isEmpty());
        assertTrue(catalog.exact(unknown).isEmpty());
        assertEquals(1, versionLookups.get());
    }

    @Test
    void aFoundSchemaIsKeptForItsTtlThenAskedAgain() {
        String event = "Invoice Sent";
        var registered = registry.createSchema("AVRO", workspace, event, null, "FIND_OR_CREATE_VERSION", false, """
                {"type":"record","name":"Invoice_Sent","fields":[{"name":"amount","type":"double"}]}""", Set.of());
        Optional<RegisteredSchema> found = catalog.latest(workspace, event);
        assertEquals(registered.getGlobalId(), found.orElseThrow().ref().getGlobalId());
        catalog.latest(workspace, event);
        assertEquals(1, latestLookups.get());
        advance(Duration.ofSeconds(11));
        catalog.latest(workspace, event);
        assertEquals(2, latestLookups.get());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        for (int i = 0; i < 50; i++) {
            catalog.latest(workspace, "Made Up " + i);
            assertTrue(catalog.cachedEntries() <= 5, () -> "entries: " + catalog.cachedEntries());
        }
        assertEquals(50, latestLookups.get());
    }

    @Test
    void afterTheRegistryWasFoundAwayLookupsFailAtOnceForAWhile() {
        AtomicInteger tries = new AtomicInteger();
        LatestVersionLookup away = new LatestVersionLookup(registry, RealStack.get().registryUrl()) {

            @Override
            Optional<RegistryVersionCoordinates> find(String group, String artifact) {
                tries.incrementAndGet();
                throw new IllegalStateException("connection refused");
            }
        };
        RegistrySchemaCatalog catalog = new RegistrySchemaCatalog(registry, away, SETTINGS, nanos::get);
        assertThrows(RegistryUnavailableException.class, () -> catalog.latest(workspace, "A"));
        assertThrows(RegistryUnavailableException.class, () -> catalog.latest(workspace, "B"));
        assertEquals(1, tries.get(), "the second lookup waited for the registry again");
        advance(RegistrySchemaCatalog.FAIL_FAST_FOR.plusMillis(1));
        assertThrows(RegistryUnavailableException.class, () -> catalog.latest(workspace, "B"));
        assertEquals(2, tries.get());
    }

    void advance(Duration duration) {
        nanos.addAndGet(TimeUnit.NANOSECONDS.convert(duration));
    }
}
