package dev.uip.definition.notify.messaging;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

import dev.uip.definition.notify.config.NotifyConfig;

/**
 * Runs the notify worker's rounds ({@link DeliveryRound}) in this instance: at once when a write wakes it, and every
 * poll interval (notifications of other writers, retries that fell due). One round at a time; a wake-up during a
 * round makes it run again, and a full round runs again at once.
 */
@ApplicationScoped
public class NotifyWorker {

    private static final Logger LOG = Logger.getLogger(NotifyWorker.class);

    @Inject
    DeliveryRound rounds;

    @Inject
    NotifyConfig config;

    @Inject
    Vertx vertx;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    void onStart(@Observes StartupEvent event) {
        if (config.delivery().enabled()) {
            timer = vertx.setPeriodic(config.delivery().pollInterval().toMillis(), id -> wakeUp());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Asks for a round now; cheap and safe to call from any thread. */
    public void wakeUp() {
        if (!config.delivery().enabled()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        again.set(false);
        rounds.run().subscribe().with(result -> {
            if (result.routed() >= config.delivery().batchSize() || result.sent() >= config.delivery().batchSize()) {
                round();
                return;
            }
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                round();
            }
        }, failure -> {
            LOG.warnf("notify worker: the round failed, retrying on the next poll: %s", failure);
            running.set(false);
        });
    }
}
