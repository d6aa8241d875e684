package dev.uip.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    @Timeout(600)
    void aRegistryOutageLeavesNothingInQuarantineAndEveryEventValidatedOnce() throws Exception {
        RealStack stack = RealStack.get();
        String workspace = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String key = TestKeys.issue(workspace);
        TestKeys.workspace(workspace, UnplannedEventPolicy.ACCEPT_AND_FLAG);
        long registry = registryPid(stack);
        Path state = Files.createTempDirectory("ingest-outage-state");
        int port = ValidationKillIT.freePort();
        Process service = ValidationKillIT.start(stack, port, state, "outage");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(
                StandardCharsets.UTF_8));
        AtomicInteger attempts = new AtomicInteger();
        try {
            ValidationKillIT.awaitReady(http, port, service);
            long start = System.nanoTime();
            boolean frozen = false;
            boolean resumed = false;
            for (int b = 0; b < BATCHES; b++) {
                // a new event name every few batches: each needs its own registry lookup
                String body = batch(workspace, b, "Outage Event " + b / 5);
                while (!ValidationKillIT.send(http, port, authorization, body, attempts)) {
                    ValidationKillIT.sleep(100);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!frozen && seconds >= 10) {
                    signal("STOP", registry);
                    frozen = true;
                } else if (frozen && !resumed && seconds >= 70) {
                    signal("CONT", registry);
                    resumed = true;
                }
                ValidationKillIT.sleep(1_300);
            }
            if (!resumed) {
                signal("CONT", registry);
            }
            Map<String, Integer> seen = new HashMap<>();
            int quarantined;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            try (ValidationKillIT.Ledger ledger = new ValidationKillIT.Ledger(stack, workspace)) {
                while (seen.size() < BATCHES * BATCH && System.nanoTime() < deadline) {
                    ledger.poll(seen);
                }
                long settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < settle) {
                    ledger.poll(seen);
                }
                quarantined = ledger.quarantined();
            }
            String log = Files.readString(Path.of("target", "ingest-kill-outage.log"));
            System.out.printf("OUTAGE events=%d requests=%d validated_distinct=%d twice=%d quarantined=%d held=%s%n",
                    BATCHES * BATCH, attempts.get(), seen.size(), seen.values().stream().filter(n -> n > 1).count(),
                    quarantined, log.contains("holding events"));
            assertTrue(log.contains("holding events"), "the outage never made validation hold an event");
            assertTrue(log.contains("every held event is validated"), "held events were not all validated");
            assertEquals(0, quarantined, "events quarantined during the outage");
            assertEquals(BATCHES * BATCH, seen.size(), "messageIds validated");
            assertEquals(List.of(), seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .limit(10).toList(), "messageIds validated more than once");
        } finally {
            signal("CONT", registry);
            service.destroy();
            service.waitFor();
        }
    }

    static String batch(String workspace, int b, String event) {
        StringBuilder body = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"").append(event)
                    .append("\",\"userId\":\"u-").append(i % 10).append("\",\"messageId\":\"")
                    .append(ValidationKillIT.messageId(workspace, b, i)).append("\",\"properties\":{\"n\":")
                    .append(i).append("}}");
        }
        return body.append("]}").toString();
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
