package dev.uip.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.stack.RealStack;
import dev.uip.stack.Topics;

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
        String key = TestKeys.issue(workspace);
        Path state = Files.createTempDirectory("ingest-kill-state");
        int port = freePort();
        Process service = start(stack, port, state, "first");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        awaitReady(http, port, service);

        int batches = EVENTS / BATCH;
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(
                StandardCharsets.UTF_8));
        Thread client = new Thread(() -> {
            for (int b = 0; b < batches; b++) {
                String body = batch(workspace, b);
                while (!send(http, port, authorization, body, attempts)) {
                    sleep(100);
                }
                if (acked.incrementAndGet() % RESEND_EVERY == 0) {
                    while (!send(http, port, authorization, body, attempts)) {
                        sleep(100);
                    }
                    resent.incrementAndGet();
                }
            }
        }, "sdk-client");
        client.start();
        while (acked.get() < batches * 2 / 5) {
            sleep(20);
        }
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no flush
        service.waitFor();
        int ackedAtKill = acked.get();
        service = start(stack, port, state, "second");
        try {
            client.join(Duration.ofMinutes(5).toMillis());
            assertTrue(!client.isAlive(), "the client did not get every batch acknowledged");

            Map<String, Integer> seen = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            try (Ledger ledger = new Ledger(stack, workspace)) {
                while (seen.size() < EVENTS && System.nanoTime() < deadline) {
                    ledger.poll(seen);
                }
                // whatever came twice would follow within the next commits
                long settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < settle) {
                    ledger.poll(seen);
                }
            }
            List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .limit(10).toList();
            System.out.printf("LEDGER events=%d batches=%d acked_before_kill=%d requests=%d resent_after_ack=%d "
                    + "downstream_distinct=%d downstream_twice=%d%n", EVENTS, batches, ackedAtKill, attempts.get(),
                    resent.get(), seen.size(), seen.values().stream().filter(n -> n > 1).count());
            assertEquals(EVENTS, seen.size(), "messageIds downstream");
            assertEquals(List.of(), twice, "messageIds downstream more than once");
            assertTrue(attempts.get() > batches + resent.get(), "the kill failed no request: nothing was retried");
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    static String batch(String workspace, int b) {
        StringBuilder body = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < BATCH; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"type\":\"track\",\"event\":\"Ledger Entry\",\"userId\":\"u-").append(i % 50)
                    .append("\",\"messageId\":\"").append(messageId(workspace, b, i))
                    .append("\",\"properties\":{\"n\":").append(i).append("}}");
        }
        return body.append("]}").toString();
    }

    static String messageId(String workspace, int batch, int i) {
        return workspace + "-" + batch + "-" + i;
    }

    /** One attempt; true when the service answered 200. */
    static boolean send(HttpClient http, int port, String authorization, String body, AtomicInteger attempts) {
        attempts.incrementAndGet();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/v1/batch")).timeout(Duration.ofSeconds(10)).header("Authorization", authorization)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Process start(RealStack stack, int port, Path state, String name) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "build the service first: " + jar.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Duip.registry.url=" + stack.registryUrl(), "-Dkafka-streams.state.dir=" + state,
                "-Duip.ingest.rate-limit.enabled=false", "-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "ingest-kill-" + name + ".log").toFile()).start();
    }

    static void awaitReady(HttpClient http, int port, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "ingest-service exited; see target/ingest-kill-first.log");
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ingest-service was not ready within 120 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the workspace's messageIds from validated and quarantined (committed records only), from the start. */
    static final class Ledger implements AutoCloseable {

        private final String workspace;
        private final KafkaConsumer<String, byte[]> consumer;
        private final SpecificAvroDeserializer<ValidatedUsageEvent> validated = new SpecificAvroDeserializer<>(
                ValidatedUsageEvent.class);
        private final SpecificAvroDeserializer<QuarantinedUsageEvent> quarantined = new SpecificAvroDeserializer<>(
                QuarantinedUsageEvent.class);
        private int quarantinedCount;

        Ledger(RealStack stack, String workspace) {
            this.workspace = workspace;
            validated.configure(Map.of("apicurio.registry.url", stack.registryUrl()), false);
            quarantined.configure(Map.of("apicurio.registry.url", stack.registryUrl()), false);
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.VALIDATED, Topics.QUARANTINED)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void poll(Map<String, Integer> seen) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() == null || !record.key().startsWith(workspace + "/")) {
                    continue;
                }
                String id = record.topic().equals(Topics.VALIDATED)
                        ? validated.deserialize(record.topic(), record.value()).getMessageId()
                        : quarantined.deserialize(record.topic(), record.value()).getRaw().getMessageId();
                quarantinedCount += record.topic().equals(Topics.VALIDATED) ? 0 : 1;
                seen.merge(id, 1, Integer::sum);
            }
        }

        /** Records of the workspace read from the quarantine topic so far. */
        int quarantined() {
            return quarantinedCount;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
