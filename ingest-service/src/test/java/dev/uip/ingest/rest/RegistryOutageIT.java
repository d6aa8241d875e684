package dev.uip.ingest.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.uip.schemas.UnplannedEventPolicy;
import dev.uip.stack.RealStack;

/**
 * A 60-second registry outage under load (the registry process frozen with SIGSTOP, then resumed): ingest-service,
 * the built jar as its own process, keeps accepting events, holds those it cannot validate instead of quarantining
 * them, and once the registry answers validates every one exactly once; nothing is quarantined.
 */
class RegistryOutageIT {

    static final int BATCHES = 60;
    static final int BATCH = 50;
    /** One batch is sent every this long, so the load spans the outage. */
    static final Duration PACE = Duration.ofMillis(1_300);

    @Test
    @Timeout(600)
    void aRegistryOutageLeavesNothingInQuarantineAndEveryEventValidatedOnce() throws Exception {
        RealStack stack = RealStack.get();
        String workspace = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestKeys.issue(workspace);
        TestKeys.workspace(workspace, UnplannedEventPolicy.ACCEPT_AND_FLAG);
        long registry = registryPid(stack);
        try (IngestProcess service = IngestProcess.start(stack, key, "outage")) {
            long start = System.nanoTime();
            boolean frozen = false;
            for (int b = 0; b < BATCHES; b++) {
                long due = start + PACE.toNanos() * b;
                await().atMost(PACE.multipliedBy(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                        .until(() -> System.nanoTime() >= due);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!frozen && seconds >= 10) {
                    signal("STOP", registry);
                    frozen = true;
                } else if (frozen && seconds >= 70) {
                    signal("CONT", registry);
                }
                // a new event name every few batches: each needs its own registry lookup
                service.sendUntilAcknowledged(IngestProcess.batch(workspace, b, BATCH, "Outage Event " + b / 5));
            }
            signal("CONT", registry);
            Map<String, Integer> seen;
            int quarantined;
            try (IngestProcess.Ledger ledger = new IngestProcess.Ledger(stack, workspace)) {
                seen = ledger.collect(BATCHES * BATCH, Duration.ofSeconds(120));
                quarantined = ledger.quarantined();
            }
            String log = service.log();
            System.out.printf("OUTAGE events=%d requests=%d validated_distinct=%d twice=%d quarantined=%d held=%s%n",
                    BATCHES * BATCH, service.attempts(), seen.size(), seen.values().stream().filter(n -> n > 1)
                            .count(),
                    quarantined, log.contains("holding events"));
            assertTrue(log.contains("holding events"), "the outage never made validation hold an event");
            assertTrue(log.contains("every held event is validated"), "held events were not all validated");
            assertEquals(0, quarantined, "events quarantined during the outage");
            assertEquals(BATCHES * BATCH, seen.size(), "messageIds validated");
            assertEquals(List.of(), seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .limit(10).toList(), "messageIds validated more than once");
        } finally {
            signal("CONT", registry);
        }
    }

    /** The registry the real stack started: the child process listening on the registry URL's port. */
    static long registryPid(RealStack stack) {
        int port = URI.create(stack.registryUrl()).getPort();
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dquarkus.http.port=" + port + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no registry process on port " + port)).pid();
    }

    static void signal(String signal, long pid) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        assertEquals(0, exit, "kill -" + signal + " " + pid);
    }
}
