package dev.uip.definition.messaging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

import dev.uip.definition.config.OutboxConfig;

/**
 * Runs the outbox's rounds ({@link OutboxPublisher}): at once when a commit wakes it, and every poll interval for
 * records no commit woke it for (e.g. left by a crashed instance). At least once, so consumers deduplicate (change
 * records carry a changeId; state topics are keyed). One round at a time in this instance, a wake-up during a round
 * makes it run again; after a round that stopped at a failing record it waits {@code uip.outbox.retry-backoff}. It
 * publishes the gauge {@code uip_outbox_parked}: records parked because they could not be published.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxPublisher publisher;

    @Inject
    Vertx vertx;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry metrics;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean backingOff = new AtomicBoolean();
    private final AtomicLong parked = new AtomicLong();
    private volatile boolean stopped = true;
    private long timer = -1;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("uip.outbox.parked", parked, AtomicLong::get)
                .description("Outbox records parked because they could not be published (all workspaces)")
                .register(metrics);
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
            refreshParked();
            wakeUp();
        });
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
        vertx.cancelTimer(timer);
    }

    /** Starts (or resumes) publishing. */
    public void start() {
        stopped = false;
        wakeUp();
    }

    /** Stops publishing after the round in progress; records stay in the outbox until {@link #start()}. */
    public void stop() {
        stopped = true;
    }

    /** Asks for a round now; cheap and safe to call from any thread. */
    public void wakeUp() {
        if (stopped || backingOff.get()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        if (stopped) {
            running.set(false);
            return;
        }
        again.set(false);
        publisher.round().subscribe().with(round -> {
            if (round.stopped()) {
                backOff();
                return;
            }
            if (round.claimed() >= config.batchSize()) {
                round();
                return;
            }
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                round();
            }
        }, failure -> {
            LOG.warnf("outbox relay: the round failed, retrying after %s: %s", config.retryBackoff(), failure);
            backOff();
        });
    }

    private void backOff() {
        backingOff.set(true);
        running.set(false);
        vertx.setTimer(Math.max(1, config.retryBackoff().toMillis()), id -> {
            backingOff.set(false);
            refreshParked();
            wakeUp();
        });
    }

    private void refreshParked() {
        publisher.parkedCount().subscribe().with(parked::set,
                failure -> LOG.debugf("outbox relay: could not count parked records: %s", failure));
    }
}
