package dev.uip.ingest.rest;

import java.util.Optional;

import dev.uip.ingest.domain.BadMessageException;
import dev.uip.ingest.domain.KeysNotLoadedException;
import dev.uip.ingest.domain.PayloadTooLargeException;
import dev.uip.ingest.domain.RateLimitedException;
import dev.uip.ingest.domain.UnauthorizedException;
import dev.uip.ingest.service.IngestMetrics;

/** How the edge answers a request it refuses: one table, so every endpoint answers a given problem alike. */
final class ClientErrors {

    /**
     * @param retryAfterSeconds the {@code Retry-After} to send, or 0 for none
     * @param workspace the workspace to count the rejection under, or null when it is not counted
     */
    record Answer(int status, String code, String message, long retryAfterSeconds, String workspace) {
    }

    private ClientErrors() {
    }

    /** The answer to a refused request, or empty when {@code failure} is not something the client caused. */
    static Optional<Answer> of(Throwable failure) {
        String unknown = IngestMetrics.UNKNOWN_WORKSPACE;
        if (failure instanceof BadMessageException e) {
            return Optional.of(new Answer(400, e.code(), e.getMessage(), 0, unknown));
        } else if (failure instanceof PayloadTooLargeException e) {
            return Optional.of(new Answer(413, "TOO_LARGE", e.getMessage(), 0, unknown));
        } else if (failure instanceof UnauthorizedException e) {
            return Optional.of(new Answer(401, "UNAUTHORIZED", e.getMessage(), 0, unknown));
        } else if (failure instanceof RateLimitedException e) {
            return Optional.of(new Answer(429, "RATE_LIMITED", e.getMessage(), e.retryAfterSeconds(),
                    e.workspaceId()));
        } else if (failure instanceof KeysNotLoadedException e) {
            return Optional.of(new Answer(503, "KEYS_LOADING", e.getMessage(), 2, null));
        }
        return Optional.empty();
    }
}
