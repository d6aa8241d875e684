package dev.uip.definition.notify.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The retry schedule and the signature header, as documented. */
class DeliveryRulesTest {

    @Test
    void backoffDoublesFromTheFirstDelayUntilTheLastAttempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), 2, 8);
        assertEquals(Duration.ofSeconds(10), backoff.after(1));
        assertEquals(Duration.ofSeconds(20), backoff.after(2));
        assertEquals(Duration.ofSeconds(640), backoff.after(7));
        assertNull(backoff.after(8), "the 8th attempt was the last: DEAD");
        assertEquals(Duration.ofHours(24), new Backoff(Duration.ofHours(1), 10, 50).after(40));
    }

    @Test
    void theSignatureIsHmacOfTimestampDotBody() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        assertEquals("t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686",
                WebhookSignature.header("secret", 1700000000L, "{\"a\":1}"));
    }
}
