package dev.uip.definition.notify.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notify slice's key, channel bounds, delivery worker timings and daily digest. */
@ConfigMapping(prefix = "uip.notify")
public interface NotifyConfig {

    /**
     * The notify master key (base64 of 32 bytes, env {@code UIP_NOTIFY_KEY}): webhook signing secrets are derived
     * from it and channel URLs encrypted under a key derived from it. Production has no default.
     */
    String key();

    /** Whether webhook and Slack URLs may be plain http (true in dev and test only). */
    @WithDefault("false")
    boolean allowHttp();

    /** Whether targets resolving to loopback, private, link-local or other local addresses are accepted. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Most channels per workspace. */
    @WithDefault("50")
    int maxChannels();

    /** Most change subscriptions per workspace. */
    @WithDefault("200")
    int maxSubscriptions();

    /** Most recipients of one email channel. */
    @WithDefault("20")
    int maxRecipients();

    /** Longest webhook or Slack URL. */
    @WithDefault("2048")
    int maxUrlLength();

    /** Where a notification's link points (the console), e.g. {@code https://uip.example.com}; none by default. */
    Optional<String> linkBaseUrl();

    /** The router and delivery worker. */
    Delivery delivery();

    /** The daily digest of change subscriptions. */
    Digest digest();

    /** How notifications are routed and sent. */
    interface Delivery {

        /** Whether this instance routes and sends (several instances may; each delivery is claimed by one). */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for notifications to route and deliveries due (writes also wake it). */
        @WithDefault("2s")
        Duration pollInterval();

        /** How many notifications one round routes and how many deliveries it claims. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed delivery is held by its worker; after that another may send it again. */
        @WithDefault("60s")
        Duration lease();

        /** The delay before the second attempt. */
        @WithDefault("10s")
        Duration firstBackoff();

        /** What each further delay is multiplied by. */
        @WithDefault("2")
        double backoffFactor();

        /** Attempts before a delivery is DEAD. */
        @WithDefault("8")
        int maxAttempts();

        /** Connect and read timeout of one attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** Most bytes of a receiver's answer read. */
        @WithDefault("65536")
        int maxResponseBytes();

        /** Consecutive failed attempts after which a channel is FAILING (HEALTHY again on the next success). */
        @WithDefault("5")
        int failingAfter();
    }

    /** When daily digests are written. */
    interface Digest {

        /** The hour of the day (UTC) from which the previous days' digests are written. */
        @WithDefault("8")
        int hour();

        /** How often the scheduler checks for digests due. */
        @WithDefault("5m")
        String checkEvery();

        /** Most changes listed in one digest (the rest are counted). */
        @WithDefault("200")
        int maxLines();
    }
}
