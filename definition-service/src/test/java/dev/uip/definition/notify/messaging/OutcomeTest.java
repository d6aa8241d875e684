package dev.uip.definition.notify.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which answers are delivered, retried or given up, and that errors stay bounded. */
class OutcomeTest {

    @Test
    void classifiesAnswers() {
        assertTrue(Outcome.ofHttp(204, "").delivered());
        assertTrue(Outcome.ofHttp(400, "bad").permanent());
        assertTrue(Outcome.ofHttp(410, "").permanent());
        assertFalse(Outcome.ofHttp(408, "").permanent());
        assertFalse(Outcome.ofHttp(429, "").permanent());
        assertFalse(Outcome.ofHttp(503, "").permanent());
        assertFalse(Outcome.ofHttp(302, "").delivered());
        assertEquals("HTTP 500: oops", Outcome.ofHttp(500, "oops\n").error());
        assertEquals(Outcome.MAX_ERROR + 1, Outcome.ofHttp(500, "x".repeat(70_000)).error().length());
    }
}
