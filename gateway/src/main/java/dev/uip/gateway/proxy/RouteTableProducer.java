package dev.uip.gateway.proxy;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

import dev.uip.gateway.config.GatewayConfig;

/** Builds the route table from configuration, at start, so that a bad table stops the gateway at once. */
public class RouteTableProducer {

    @Produces
    @Singleton
    RouteTable routeTable(ProxyConfig proxy, GatewayConfig gateway) {
        Map<String, String> urls = gateway.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, service -> service.getValue().url()));
        return new RouteTable(proxy.routes(), urls, proxy.localSegments());
    }

    void check(@Observes StartupEvent start, RouteTable table) {
        // Injecting the table builds it: a configuration error surfaces now, not on the first call.
    }
}
