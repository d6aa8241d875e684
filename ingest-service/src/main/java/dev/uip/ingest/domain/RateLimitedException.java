package dev.uip.ingest.domain;

/** A write key sent more events than its rate allows; answered with 429 and Retry-After. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;
    private final String workspaceId;

    public RateLimitedException(String workspaceId, String message, long retryAfterSeconds) {
        super(message);
        this.workspaceId = workspaceId;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
