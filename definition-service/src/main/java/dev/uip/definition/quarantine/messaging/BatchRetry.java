package dev.uip.definition.quarantine.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Stores a consumed batch until it is stored: the offsets are committed only after the batch is acknowledged, so a
 * failure is retried (bounded back-off) rather than skipped; a consumer that cannot store shows as lag and in the log.
 */
public final class BatchRetry {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(10);

    private BatchRetry() {
    }

    public static <T> Uni<T> untilStored(Logger log, String what, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure().invoke(failure -> log.warnf("could not store %s yet, retrying: %s", what, failure))
                .onFailure().retry().withBackOff(FIRST, MAX).indefinitely();
    }
}
