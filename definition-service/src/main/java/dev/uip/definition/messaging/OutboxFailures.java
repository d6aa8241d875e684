package dev.uip.definition.messaging;

import java.io.IOException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a record's own failure (counted towards parking it) from a failure that would hit any record (not counted):
 * the broker or the registry unreachable, a timeout, the emitter not ready. Parking records during an outage would
 * only lose their order.
 */
final class OutboxFailures {

    private OutboxFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnpublishableRecordException) {
                return false;
            }
            if (t instanceof RetriableException || t instanceof IOException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }
}
