package dev.uip.ingest.domain;

/**
 * A token bucket: holds up to {@code capacity} tokens and gains {@code ratePerSecond} per second. Thread-safe; time
 * is passed in so that it can be tested without waiting.
 */
public final class TokenBucket {

    private final double capacity;
    private final double ratePerNano;
    private double tokens;
    private long updatedNanos;

    public TokenBucket(double capacity, double ratePerSecond, long nowNanos) {
        if (capacity <= 0 || ratePerSecond <= 0) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.ratePerNano = ratePerSecond / 1e9;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /**
     * Takes {@code count} tokens if there are enough.
     *
     * @return 0 when taken, otherwise the nanoseconds until that many tokens will be there (nothing is taken)
     */
    public synchronized long tryTake(int count, long nowNanos) {
        refill(nowNanos);
        if (count > capacity) {
            // More than a full bucket can never be granted at once: say when the bucket will be full.
            return Math.max(1, (long) Math.ceil((capacity - tokens) / ratePerNano));
        }
        if (tokens >= count) {
            tokens -= count;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((count - tokens) / ratePerNano));
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            updatedNanos = nowNanos;
        }
    }
}
