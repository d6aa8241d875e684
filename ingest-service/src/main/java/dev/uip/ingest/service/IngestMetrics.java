package dev.uip.ingest.service;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Ingest figures per workspace: accepted events, rejected requests by reason, rate limiting, ack latency. */
@ApplicationScoped
public class IngestMetrics {

    /** The workspace tag of requests rejected before their key was known. */
    public static final String UNKNOWN_WORKSPACE = "unknown";

    @Inject
    MeterRegistry registry;

    public void accepted(String workspaceId, int events, long ackNanos) {
        registry.counter("uip.ingest.events.accepted", "workspace", workspaceId).increment(events);
        Timer.builder("uip.ingest.ack.latency").description("Time from receipt until the broker acknowledged")
                .tag("workspace", workspaceId).publishPercentiles(0.5, 0.99).register(registry)
                .record(ackNanos, TimeUnit.NANOSECONDS);
    }

    public void rejected(String workspaceId, String reason) {
        registry.counter("uip.ingest.requests.rejected", "workspace", workspaceId, "reason", reason).increment();
    }

    public void rateLimited(String workspaceId, int events) {
        registry.counter("uip.ingest.events.rate.limited", "workspace", workspaceId).increment(events);
    }
}
