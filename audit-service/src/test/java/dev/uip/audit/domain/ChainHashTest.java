package dev.uip.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The canonical form and hash are exactly as documented, so that anyone can recompute them: the expected values were
 * computed outside Java (Python's hashlib over the documented form).
 */
class ChainHashTest {

    static final ChainedContent FIRST = new ChainedContent(1, "c-1", "acme", "alice", "UPDATED", "EVENT_DEFINITION",
            "Invoice Sent", null, "{\"name\":\"Invoice \\\"Sent\\\"\"}", 2, Instant.parse("2026-11-29T12:00:00Z"));
    static final ChainedContent SECOND = new ChainedContent(2, "c-2", "acme", "bob\n\u001f", "ARCHIVED",
            "EVENT_DEFINITION", "Été ✓", "{}", null, 3, Instant.parse("2026-11-29T12:01:00Z"));

    @Test
    void canonicalFormIsSortedCompactJsonWithEpochMillis() {
        assertEquals("{\"action\":\"UPDATED\",\"actor\":\"alice\",\"after\":\"{\\\"name\\\":\\\"Invoice "
                + "\\\\\\\"Sent\\\\\\\"\\\"}\",\"before\":null,\"changeId\":\"c-1\",\"entityId\":\"Invoice Sent\","
                + "\"entityType\":\"EVENT_DEFINITION\",\"occurredAt\":1795953600000,\"sequence\":1,\"version\":2,"
                + "\"workspace\":\"acme\"}", ChainHash.canonical(FIRST));
        assertEquals("{\"action\":\"ARCHIVED\",\"actor\":\"bob\\u000a\\u001f\",\"after\":null,\"before\":\"{}\","
                + "\"changeId\":\"c-2\",\"entityId\":\"Été ✓\",\"entityType\":\"EVENT_DEFINITION\","
                + "\"occurredAt\":1795953660000,\"sequence\":2,\"version\":3,\"workspace\":\"acme\"}",
                ChainHash.canonical(SECOND));
    }

    @Test
    void hashChainsSha256OfThePreviousHashAndTheCanonicalEntry() {
        String first = ChainHash.next(ChainHash.GENESIS, FIRST);
        assertEquals("96bf54ad1035517beef1c34adcfd94449c10563070a1a0c6c7d076061ea8d450", first);
        assertEquals("7682a211b8e2da0b94e9729deeab7e07168f30b80d6b5f44fe53424c1904151e",
                ChainHash.next(first, SECOND));
    }

    @Test
    void everyFieldAndThePlaceInTheChainChangeTheHash() {
        String hash = ChainHash.next(ChainHash.GENESIS, FIRST);
        assertNotEquals(hash, ChainHash.next(ChainHash.GENESIS, FIRST.at(2)));
        assertNotEquals(hash, ChainHash.next("1".repeat(64), FIRST));
        assertNotEquals(hash, ChainHash.next(ChainHash.GENESIS, new ChainedContent(1, "c-1", "acme", "alice",
                "UPDATED", "EVENT_DEFINITION", "Invoice Sent", "", "{\"name\":\"Invoice \\\"Sent\\\"\"}", 2,
                Instant.parse("2026-11-29T12:00:00Z"))));
        assertNotEquals(hash, ChainHash.next(ChainHash.GENESIS, new ChainedContent(1, "c-1", "acme", "alice",
                "UPDATED", "EVENT_DEFINITION", "Invoice Sent", null, "{\"name\":\"Invoice \\\"Sent\\\"\"}", 2,
                Instant.parse("2026-11-29T12:00:00.001Z"))));
    }
}
