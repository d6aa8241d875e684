package dev.uip.schemas.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Replaces a stream thread that died (a transient error should not stop the client), but only so often: past
 * {@code maxReplacements} within {@code window} the error is not transient, and the client shuts down so that its
 * liveness check fails and the orchestrator restarts the process.
 */
public final class BoundedThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final System.Logger LOG = System.getLogger(BoundedThreadReplacement.class.getName());

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public BoundedThreadReplacement(int maxReplacements, Duration window, Clock clock) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            LOG.log(System.Logger.Level.ERROR, "A stream thread died " + (recent.size() + 1) + " times within "
                    + window + "; shutting the Kafka Streams client down", exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        LOG.log(System.Logger.Level.ERROR, "A stream thread died; replacing it", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
