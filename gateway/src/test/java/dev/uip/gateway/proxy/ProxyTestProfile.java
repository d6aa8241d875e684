package dev.uip.gateway.proxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway in front of {@link StubServicesResource}'s stub services, every segment routed to a stub, with short
 * timeouts and the test-only {@link HeaderCallerResolver}.
 */
public class ProxyTestProfile implements QuarkusTestProfile {

    static final String TIMEOUT = "1s";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(HeaderCallerResolver.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        for (String segment : List.of("definitions", "workspaces", "calls", "events", "rules", "quarantine",
                "suggestions")) {
            config.put("uip.gateway.proxy.routes." + segment, "stub-definition");
        }
        for (String segment : List.of("trends", "counts", "key-events")) {
            config.put("uip.gateway.proxy.routes." + segment, "stub-anomaly");
        }
        config.put("uip.gateway.proxy.routes.audit", "stub-audit");
        config.put("uip.gateway.proxy.routes.inspect", "stub-ingest");
        config.put("uip.gateway.proxy.timeout", TIMEOUT);
        config.put("uip.gateway.probe-timeout", TIMEOUT);
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        // the gateway keeps its accounts in its own database, which it migrates at start
        return List.of(new TestResourceEntry(StubServicesResource.class),
                new TestResourceEntry(dev.uip.gateway.account.GatewayStack.class));
    }
}
