package dev.uip.ingest.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.uip.stack.RealStack;

/**
 * The ledger across a kill -9 of ingest-service (edge and validation in one process, the built jar run as its own
 * process on the real broker and registry): a client sends {@link #EVENTS} events in batches and, as an SDK does,
 * re-sends every batch that failed or was not answered, and also re-sends some that were acknowledged (an ack lost
 * on the way); the service is killed with SIGKILL mid-load and started again. Afterwards every sent messageId is in
 * usage-events-validated or usage-events-quarantined exactly once.
 */
class ValidationKillIT {

    static final int EVENTS = 20_000;
    static final int BATCH = 100;
    /** Every this many acknowledged batches is sent once more, as a retry after a lost ack. */
    static final int RESEND_EVERY = 10;

    @Test
    @Timeout(600)
    void everyAcceptedEventIsValidatedExactlyOnceAcrossAKill9() throws Exception {
        RealStack stack = RealStack.get();
        String workspace = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        int batches = EVENTS / BATCH;
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        try (IngestProcess service = IngestProcess.start(stack, TestKeys.issue(workspace), "kill-first")) {
            Thread client = new Thread(() -> {
                for (int b = 0; b < batches; b++) {
                    String body = IngestProcess.batch(workspace, b, BATCH, "Ledger Entry");
                    service.sendUntilAcknowledged(body);
                    if (acked.incrementAndGet() % RESEND_EVERY == 0) {
                        service.sendUntilAcknowledged(body);
                        resent.incrementAndGet();
                    }
                }
            }, "sdk-client");
            client.start();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acked.get() >= batches * 2 / 5);
            service.killAndRestart("kill-second");
            int ackedAtKill = acked.get();
            client.join(Duration.ofMinutes(5).toMillis());
            assertTrue(!client.isAlive(), "the client did not get every batch acknowledged");

            Map<String, Integer> seen;
            try (IngestProcess.Ledger ledger = new IngestProcess.Ledger(stack, workspace)) {
                seen = ledger.collect(EVENTS, Duration.ofSeconds(180));
            }
            List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .limit(10).toList();
            System.out.printf("LEDGER events=%d batches=%d acked_before_kill=%d requests=%d resent_after_ack=%d "
                    + "downstream_distinct=%d downstream_twice=%d%n", EVENTS, batches, ackedAtKill,
                    service.attempts(), resent.get(), seen.size(), seen.values().stream().filter(n -> n > 1).count());
            assertEquals(EVENTS, seen.size(), "messageIds downstream");
            assertEquals(List.of(), twice, "messageIds downstream more than once");
            assertTrue(service.attempts() > batches + resent.get(), "the kill failed no request: nothing was retried");
        }
    }
}
