package dev.uip.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenSustainedRate() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        assertEquals(0, bucket.tryTake(10, 0));
        // Empty: one token takes half a second at 2 per second.
        assertEquals(SECOND / 2, bucket.tryTake(1, 0));
        assertEquals(0, bucket.tryTake(1, SECOND / 2));
        // A refused take takes nothing.
        assertEquals(SECOND, bucket.tryTake(2, SECOND / 2));
        assertEquals(0, bucket.tryTake(2, 3 * SECOND / 2));
    }

    @Test
    void neverHoldsMoreThanCapacity() {
        TokenBucket bucket = new TokenBucket(5, 100, 0);
        assertEquals(0, bucket.tryTake(5, 3600 * SECOND));
        assertEquals(SECOND / 100, bucket.tryTake(1, 3600 * SECOND));
    }

    @Test
    void moreThanABucketIsRefusedWithTimeUntilFull() {
        TokenBucket bucket = new TokenBucket(5, 1, 0);
        assertEquals(0, bucket.tryTake(3, 0));
        assertEquals(3 * SECOND, bucket.tryTake(6, 0));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, 0));
    }
}
