package dev.uip.gateway.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import dev.uip.gateway.client.ReadinessProbe;
import dev.uip.gateway.config.GatewayConfig;
import dev.uip.gateway.domain.ServiceStatus;

/** Probes every configured service at once and answers when the slowest one has answered or timed out. */
@ApplicationScoped
public class PlatformStatus {

    @Inject
    GatewayConfig config;

    @Inject
    ReadinessProbe probe;

    /** One status per service, ordered by name. */
    public Uni<List<ServiceStatus>> all() {
        List<Uni<ServiceStatus>> probes = config.services().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(service -> probe.probe(service.getKey(), service.getValue().url(), config.probeTimeout()))
                .toList();
        return probes.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(probes).andFailFast();
    }
}
