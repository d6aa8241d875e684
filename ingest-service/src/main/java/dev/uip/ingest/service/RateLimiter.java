package dev.uip.ingest.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.uip.ingest.config.RateLimitConfig;
import dev.uip.ingest.domain.Caller;
import dev.uip.ingest.domain.RateLimitedException;
import dev.uip.ingest.domain.TokenBucket;

/** One token bucket per write key, sized by its workspace's limits; a noisy key cannot use up others' capacity. */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateLimitConfig config;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token per event, or throws with the time the caller should wait. */
    public void check(Caller caller, int events) {
        if (!config.enabled()) {
            return;
        }
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(caller.keyId(), key -> newBucket(caller.workspaceId(), now));
        long waitNanos = bucket.tryTake(events, now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
            throw new RateLimitedException(caller.workspaceId(),
                    "write key " + caller.keyId() + " is over its rate limit; retry in "
                            + seconds + " s",
                    seconds);
        }
    }

    private TokenBucket newBucket(String workspaceId, long now) {
        RateLimitConfig.Override override = config.workspaces().get(workspaceId);
        double rate = override == null
                ? config.eventsPerSecond()
                : override.eventsPerSecond().orElse(config.eventsPerSecond());
        int burst = override == null ? config.burst() : override.burst().orElse(config.burst());
        return new TokenBucket(burst, rate, now);
    }
}
