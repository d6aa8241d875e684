package dev.uip.schemas.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class BoundedThreadReplacementTest {

    /** A clock the test moves. */
    static final class StepClock extends Clock {

        Instant now = Instant.parse("2026-11-23T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void replacesThreadsUntilTooManyDieWithinTheWindow() {
        StepClock clock = new StepClock();
        var handler = new BoundedThreadReplacement(3, Duration.ofMinutes(1), clock);
        RuntimeException failure = new IllegalStateException("boom");
        for (int i = 0; i < 3; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(failure));
            clock.now = clock.now.plusSeconds(10);
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(failure));
    }

    @Test
    void deathsOlderThanTheWindowNoLongerCount() {
        StepClock clock = new StepClock();
        var handler = new BoundedThreadReplacement(2, Duration.ofMinutes(1), clock);
        RuntimeException failure = new IllegalStateException("boom");
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(failure));
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(failure));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(failure));
    }
}
