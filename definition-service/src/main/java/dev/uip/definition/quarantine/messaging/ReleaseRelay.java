package dev.uip.definition.quarantine.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

import dev.uip.definition.config.QuarantineConfig;

/**
 * Runs the release relay's rounds ({@link ReleasePublisher}): at once when a release request wakes it, and every
 * poll interval for releases that no request woke it for (a crash between the request's commit and the publishing,
 * or a release whose outcome has not arrived within {@code uip.quarantine.relay.resend-after}). Publishing twice is
 * safe: the validation topology validates each message at most once and answers ALREADY_RELEASED.
 */
@ApplicationScoped
public class ReleaseRelay {

    private static final Logger LOG = Logger.getLogger(ReleaseRelay.class);

    @Inject
    ReleasePublisher publisher;

    @Inject
    QuarantineConfig config;

    @Inject
    Vertx vertx;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.relay().pollInterval().toMillis(), id -> wakeUp());
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Asks for a round now; cheap and safe to call from any thread. */
    public void wakeUp() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        again.set(false);
        publisher.round().subscribe().with(published -> {
            if (published >= config.relay().batchSize()) {
                round();
                return;
            }
            finish();
        }, failure -> {
            LOG.warnf("release relay: the round failed, retrying on the next poll: %s", failure);
            running.set(false);
        });
    }

    private void finish() {
        running.set(false);
        if (again.get() && running.compareAndSet(false, true)) {
            round();
        }
    }
}
