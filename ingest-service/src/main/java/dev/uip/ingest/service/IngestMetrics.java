package dev.uip.ingest.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Ingest figures per workspace: accepted events, rejected requests by reason, rate limiting, ack latency, duplicates
 * dropped by validation.
 */
@ApplicationScoped
public class IngestMetrics {

    /** The workspace tag of requests rejected before their key was known. */
    public static final String UNKNOWN_WORKSPACE = "unknown";

    @Inject
    MeterRegistry registry;

    /** The hot path's meters per workspace, so that a request does not look them up by name and tags. */
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();

    private final Map<String, Counter> derived = new ConcurrentHashMap<>();

    private record Accepted(Counter events, Timer ackLatency) {
    }

    public void accepted(String workspaceId, int events, long ackNanos) {
        Accepted meters = accepted.computeIfAbsent(workspaceId, ws -> new Accepted(
                registry.counter("uip.ingest.events.accepted", "workspace", ws),
                Timer.builder("uip.ingest.ack.latency").description("Time from receipt until the broker acknowledged")
                        .tag("workspace", ws).publishPercentiles(0.5, 0.99).register(registry)));
        meters.events().increment(events);
        meters.ackLatency().record(ackNanos, TimeUnit.NANOSECONDS);
    }

    public void rejected(String workspaceId, String reason) {
        registry.counter("uip.ingest.requests.rejected", "workspace", workspaceId, "reason", reason).increment();
    }

    public void rateLimited(String workspaceId, int events) {
        registry.counter("uip.ingest.events.rate.limited", "workspace", workspaceId).increment(events);
    }

    /** A message dropped by validation as a duplicate of one seen within the dedup window. */
    public void duplicate(String workspaceId) {
        duplicates.computeIfAbsent(workspaceId, ws -> registry.counter("uip.validation.duplicates", "workspace", ws))
                .increment();
    }

    /** A quarantined event released after a fix, and what validation made of it. */
    public void released(String workspaceId, String outcome) {
        registry.counter("uip.validation.releases", "workspace", workspaceId, "outcome", outcome).increment();
    }

    /** Counts events derived by virtual definitions, rules that threw, and candidate rules past the per-event bound. */
    public VirtualEvents.Listener virtualEvents() {
        return new VirtualEvents.Listener() {

            @Override
            public void derived(String workspaceId, int count) {
                derived.computeIfAbsent(workspaceId, ws -> registry.counter("uip.validation.derived", "workspace",
                        ws)).increment(count);
            }

            @Override
            public void failed(String workspaceId, String ruleName, Throwable problem) {
                registry.counter("uip.validation.virtual.rule.failures", "workspace", workspaceId).increment();
            }

            @Override
            public void skipped(String workspaceId, int count) {
                registry.counter("uip.validation.virtual.rules.skipped", "workspace", workspaceId).increment(count);
            }
        };
    }
}
