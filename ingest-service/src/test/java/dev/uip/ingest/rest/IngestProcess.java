package dev.uip.ingest.rest;

import static org.awaitility.Awaitility.await;
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
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.uip.schemas.QuarantinedUsageEvent;
import dev.uip.schemas.ValidatedUsageEvent;
import dev.uip.schemas.serde.SpecificAvroDeserializer;
import dev.uip.stack.RealStack;
import dev.uip.stack.TestTokens;
import dev.uip.stack.Topics;

/**
 * The built ingest-service jar run as its own process on the real stack (so that a test can kill it), and an
 * SDK-like client of it that re-sends a batch until it is acknowledged.
 */
final class IngestProcess implements AutoCloseable {

    private final RealStack stack;
    private final int port;
    private final Path state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String authorization;
    private final AtomicInteger attempts = new AtomicInteger();
    private Process process;
    private Path log;

    private IngestProcess(RealStack stack, String writeKey) throws IOException {
        this.stack = stack;
        this.port = freePort();
        this.state = Files.createTempDirectory("ingest-process-state");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(
                StandardCharsets.UTF_8));
    }

    /** Starts the service (its log in {@code target/ingest-<name>.log}) and waits until it is ready. */
    static IngestProcess start(RealStack stack, String writeKey, String name) throws IOException {
        IngestProcess service = new IngestProcess(stack, writeKey);
        service.launch(name);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertTrue(service.process.isAlive(), "ingest-service exited; see " + service.log);
            return service.ready();
        });
        return service;
    }

    /** Kills the process with SIGKILL (no shutdown hook, no commit, no flush) and starts it again, same port and state. */
    void killAndRestart(String name) throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        launch(name);
    }

    /** One attempt at {@code POST /v1/batch}; true when the service answered 200. */
    boolean sendOnce(String body) {
        attempts.incrementAndGet();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/batch"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", authorization)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} again, 100 ms apart, until the service acknowledges it, as an SDK does. */
    void sendUntilAcknowledged(String body) {
        await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> sendOnce(body));
    }

    /** Requests sent so far, failed ones included. */
    int attempts() {
        return attempts.get();
    }

    /** What the current process has logged. */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A batch of {@code size} track events of {@code event}, over 50 users, with ids {@link #messageId}. */
    static String batch(String workspace, int b, int size, String event) {
        StringBuilder body = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"event\":\"").append(event)
                    .append("\",\"userId\":\"u-").append(i % 50).append("\",\"messageId\":\"")
                    .append(messageId(workspace, b, i)).append("\",\"properties\":{\"n\":").append(i).append("}}");
        }
        return body.append("]}").toString();
    }

    static String messageId(String workspace, int batch, int i) {
        return workspace + "-" + batch + "-" + i;
    }

    private void launch(String name) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "build the service first: " + jar.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        log = Path.of("target", "ingest-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + stack.bootstrapServers(),
                "-Duip.registry.url=" + stack.registryUrl(), "-Dkafka-streams.state.dir=" + state,
                "-Duip.ingest.rate-limit.enabled=false", "-jar", jar.toString()));
        // the production build refuses to start without the gateway's public key, as ./uip hands it over
        builder.environment().put("UIP_JWT_PUBLIC_KEY", TestTokens.publicKeyLocation());
        // the production profile takes its endpoints from the environment only, and registers schemas only when told
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        builder.environment().put("UIP_REGISTRY_URL", stack.registryUrl());
        builder.environment().put("UIP_REGISTRY_AUTO_REGISTER", "true");
        process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Reads one workspace's messageIds from validated and quarantined (committed records only), from the start. */
    static final class Ledger implements AutoCloseable {

        private final String workspace;
        private final KafkaConsumer<String, byte[]> consumer;
        private final SpecificAvroDeserializer<ValidatedUsageEvent> validated = new SpecificAvroDeserializer<>(
                ValidatedUsageEvent.class);
        private final SpecificAvroDeserializer<QuarantinedUsageEvent> quarantined = new SpecificAvroDeserializer<>(
                QuarantinedUsageEvent.class);
        /** How often each messageId was read, from either topic. */
        private final Map<String, Integer> seen = new HashMap<>();
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

        /**
         * Reads until {@code expected} distinct messageIds are in (at most {@code timeout}), then 5 s more: whatever
         * came twice would follow within the next commits. Returns how often each id was read.
         */
        Map<String, Integer> collect(int expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                poll();
            }
            long settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < settle) {
                poll();
            }
            return seen;
        }

        /** Records of the workspace read from the quarantine topic so far. */
        int quarantined() {
            return quarantinedCount;
        }

        private void poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() == null || !record.key().startsWith(workspace + "/")) {
                    continue;
                }
                boolean valid = record.topic().equals(Topics.VALIDATED);
                String id = valid
                        ? validated.deserialize(record.topic(), record.value()).getMessageId()
                        : quarantined.deserialize(record.topic(), record.value()).getRaw().getMessageId();
                quarantinedCount += valid ? 0 : 1;
                seen.merge(id, 1, Integer::sum);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
